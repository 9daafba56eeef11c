"""What every PDF the site makes must be: tagged, titled, in a language, with its fonts inside."""

import io

from pypdf import PdfReader


def embedded_fonts(reader):
    """{(font name, embedded?)} of every font the pages use."""
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add((str(font["/BaseFont"]), embedded))
    return fonts


def assert_accessible_pdf(content, title=None, language="en"):
    """Tagged (a structure tree, marked content), a document language, a title, fonts inside."""
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "no structure tree: the PDF is not tagged"
    assert bool(root["/MarkInfo"]["/Marked"]), "content is not marked"
    assert str(root["/Lang"]).startswith(language)
    assert reader.metadata.title, "no title"
    if title:
        assert reader.metadata.title == title
    fonts = embedded_fonts(reader)
    assert fonts, "no text"
    assert all(embedded for _name, embedded in fonts), fonts
    assert all("Atkinson" in name for name, _ in fonts), fonts
    return reader
