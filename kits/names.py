"""File names inside the kit's ZIP: readable, numbered, safe on every system, never repeated."""

import re
import unicodedata

from pathvalidate import sanitize_filename

MAX_NAME = 120  # characters of one file name, well under every file system's limit


def safe_name(text, fallback="file"):
    """`text` as a file name: no path separators, control characters or reserved device names."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)
    text = text.replace("/", "-").replace("\\", "-")
    text = re.sub(r"\s*:\s+", " - ", text)  # "Module: slides" reads "Module - slides"
    name = sanitize_filename(" ".join(text.split()), platform="universal", max_len=MAX_NAME)
    name = name.strip(" .-")
    return name or fallback


class UniqueNames:
    """Hands out names that differ from every name handed out before (case-insensitively)."""

    def __init__(self):
        self.taken = set()

    def __call__(self, stem, extension):
        stem = safe_name(stem)[: MAX_NAME - len(extension) - 8].rstrip(" .")
        extension = safe_name(extension, "bin").lower()[:10]
        candidate, number = f"{stem}.{extension}", 2
        while candidate.lower() in self.taken:
            candidate = f"{stem} ({number}).{extension}"
            number += 1
        self.taken.add(candidate.lower())
        return candidate
