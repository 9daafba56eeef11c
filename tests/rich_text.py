"""Rich text values no working Draftail editor posts, and what the editor is told about them.

A tampered form, a broken browser extension or a bot may post them to any rich text field.
"""

import json

PARAGRAPH = {
    "key": "a1b2c",
    "type": "unstyled",
    "text": "Keep it general.",
    "depth": 0,
    "inlineStyleRanges": [],
    "entityRanges": [],
}


def contentstate(*blocks):
    return json.dumps({"blocks": list(blocks), "entityMap": {}})


MALFORMED_RICH_TEXT = {
    "not JSON": "{not json",
    "a list": "[]",
    "a number": "5",
    "a string": '"<p>Keep it general.</p>"',
    "blocks not a list": '{"blocks": 5, "entityMap": {}}',
    "a block not an object": contentstate(5),
    "text not a string": contentstate({**PARAGRAPH, "text": 5}),
    "a style range of words": contentstate(
        {**PARAGRAPH, "inlineStyleRanges": [{"offset": "one", "length": 4, "style": "BOLD"}]}
    ),
    "a link to no entity": contentstate(
        {**PARAGRAPH, "entityRanges": [{"offset": 0, "length": 4, "key": 7}]}
    ),
    "nested too deep": "[" * 100_000 + "]" * 100_000,
    "empty": "",
}

UNREADABLE = (
    "This text arrived damaged and could not be read, so nothing was saved. Please enter it again."
)
