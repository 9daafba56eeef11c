"""What goes into a kit besides the slides and handouts: agenda, guide, references, notices."""

from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from courses.pdfs import DocumentPDF, plain

FOOTER = "STS Consortium session kit | General information, not medical advice"


def kit_title(kit):
    return kit.state.title or "Session on secondary traumatic stress"


def session_line(kit):
    """e.g. "1 December 2026, 09:30-13:10 | For supervisors | 3 h 40 min"."""
    parts = []
    when = kit.state.date.strftime("%-d %B %Y") if kit.state.date else ""
    if kit.state.start:
        when = f"{when}, " if when else ""
        when += f"{kit.clock(0)}-{kit.clock(kit.total_minutes)}"
    if when:
        parts.append(when)
    if kit.state.audience:
        parts.append(f"For {kit.state.audience}")
    hours, minutes = divmod(kit.total_minutes, 60)
    parts.append(f"{hours} h {minutes:02d} min in all" if hours else f"{minutes} min in all")
    return " | ".join(parts)


def rich_text_lines(html):
    """Paragraphs and list items of editor HTML as plain lines."""
    soup = BeautifulSoup(html or "", "html.parser")
    blocks = soup.find_all(["p", "li", "h2", "h3", "h4"]) or [soup]
    return [" ".join(block.get_text(" ").split()) for block in blocks if block.get_text(strip=True)]


def agenda_pdf(kit):
    pdf = DocumentPDF(f"Agenda: {kit_title(kit)}", FOOTER, created=kit.version_date)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.title_block(kit_title(kit), session_line(kit))
    widths = (30, 118, 26)
    pdf.set_font("helvetica", "B", 10)
    for width, label in zip(widths, ("Time", "Item", "Minutes"), strict=True):
        pdf.cell(width, 8, label, border="B")
    pdf.ln()
    for item in kit.items:
        pdf.set_font("helvetica", "I" if item.is_break else "", 10)
        row = (
            f"{kit.clock(item.starts)}-{kit.clock(item.ends)}",
            item.title,
            str(item.minutes),
        )
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin + widths[0], y)
        pdf.multi_cell(widths[1], 6, plain(row[1]))
        height = max(pdf.get_y() - y, 6)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(widths[0], height, row[0])
        pdf.set_xy(pdf.l_margin + widths[0] + widths[1], y)
        pdf.cell(widths[2], height, row[2], align="R")
        pdf.set_y(y + height + 1)
    pdf.set_font("helvetica", "B", 10)
    pdf.cell(widths[0] + widths[1], 8, "Total", border="T")
    pdf.cell(widths[2], 8, str(kit.total_minutes), border="T", align="R")
    pdf.ln(12)
    return pdf.render()


def guide_pdf(kit):
    """Per agenda item: objectives, timings, key messages, activities, notes, warnings, sources."""
    pdf = DocumentPDF(
        f"Facilitator guide: {kit_title(kit)}", FOOTER, created=kit.version_date
    )
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.title_block(f"Facilitator guide: {kit_title(kit)}", session_line(kit))
    for number, item in enumerate(kit.items, start=1):
        when = f"{kit.clock(item.starts)}-{kit.clock(item.ends)} ({item.minutes} min)"
        if item.is_break:
            pdf.paragraph(f"{number}. Break, {when}", style="I")
            continue
        module = item.module
        pdf.heading(f"{number}. {module.title}", size=15)
        pdf.paragraph(when, size=10, style="B")
        if module.content_warning:
            pdf.heading("Content warning", size=12)
            pdf.paragraph(module.content_warning)
        pdf.paragraph(module.summary)
        pdf.heading("Learning objectives", size=12)
        pdf.bullets([block.value for block in module.learning_objectives])
        if module.key_messages:
            pdf.heading("Key messages", size=12)
            pdf.bullets([block.value for block in module.key_messages])
        for block in module.activities:
            activity = block.value
            pdf.heading(f"Activity: {activity['title']} ({activity['minutes']} min)", size=12)
            pdf.paragraph(activity["instructions"])
            if activity.get("materials"):
                pdf.paragraph(f"Materials: {activity['materials']}", size=10)
        if notes := rich_text_lines(module.facilitator_notes):
            pdf.heading("Facilitator notes", size=12)
            for line in notes:
                pdf.paragraph(line)
        pdf.heading(f"Evidence: {module.get_evidence_level_display()}", size=12)
        if module.evidence_rationale:
            pdf.paragraph(module.evidence_rationale)
        if item.references:
            pdf.heading("References", size=12)
            for reference in item.references:
                pdf.paragraph(reference.apa_text(), size=10)
    return pdf.render()


def references_text(kit):
    """Every reference of the kit's modules once, in APA style, sorted as APA lists are."""
    unique = {reference.pk: reference for item in kit.modules for reference in item.references}
    lines = sorted((reference.apa_text() for reference in unique.values()), key=str.lower)
    return "References (APA 7)\n\n" + "\n\n".join(lines) + "\n"


def attribution_text(kit, names):
    """Each file of the kit with its licence and credit line."""
    lines = ["Licences and attribution", ""]
    for document in kit.documents:
        lines.append(names[document.pk])
        lines.append(f"  Licence: {document.get_licence_display()}")
        if document.attribution:
            lines.append(f"  Credit: {document.attribution}")
        lines.append("")
    lines.append(
        "The agenda, the facilitator guide and the reference list were generated by STS Learn "
        "from the modules' published content."
    )
    return "\n".join(lines) + "\n"


def readme_text(kit, terms_url, kit_url):
    return render_to_string(
        "print/kit_readme.txt", {"kit": kit, "title": kit_title(kit), "session": session_line(kit),
                                 "terms_url": terms_url, "kit_url": kit_url},
    )  # fmt: skip


def agenda_html(kit, embedded_css):
    return render_to_string(
        "print/kit_agenda.html",
        {"kit": kit, "title": kit_title(kit), "session": session_line(kit),
         "embedded_css": embedded_css},
    )  # fmt: skip
