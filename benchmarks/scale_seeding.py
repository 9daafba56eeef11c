"""The work of seed_scale.py, imported once Django is set up (see that script's docstring)."""

import hashlib
import io
import random
import time
import zipfile
from collections import defaultdict
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils.text import slugify
from scale_corpus import Corpus
from taggit.models import Tag, TaggedItem
from wagtail.models import Locale, Page, PageViewRestriction

from courses.collections import TRAINERS, course_materials, trainer_only_materials
from courses.models import (
    Audience,
    CourseDocument,
    CourseFormat,
    CourseIndexPage,
    CoursePage,
    DocumentKind,
    EvidenceLevel,
    Licence,
    ModuleHandout,
    ModulePage,
    TextStatus,
)
from demo.courses import read_data
from demo.loader import DemoLoader
from home.models import DomainPage
from search import indexing
from search.models import EntryKind, SearchEntry, SearchTerm

COURSES, MODULES_PER_COURSE, UPLOADS = 100, 100, 10_000
COURSE_SLUG = "scale-course-"
BATCH = 500
ENTRY_CHUNK = 2_000
PUBLISHED_FROM = datetime(2022, 1, 1, tzinfo=UTC)
TOPIC_TAGS = [
    "burnout", "supervision", "self-care", "compassion fatigue", "vicarious trauma", "resilience",
    "peer support", "organizational culture", "psychological safety", "boundaries", "workload",
    "debriefing", "screening", "ProQOL", "mindfulness", "grounding", "sleep", "leadership",
    "policy", "EAP", "moral distress", "trauma-informed care", "check-in", "team meetings",
]  # fmt: skip
# Uploaded files: (kind, weight) and the formats each kind comes in.
UPLOAD_KINDS = [
    (DocumentKind.HANDOUT, 35), (DocumentKind.WORKSHEET, 20), (DocumentKind.SLIDES, 15),
    (DocumentKind.FACILITATOR_GUIDE, 10), (DocumentKind.EVALUATION, 10), (DocumentKind.OTHER, 10),
]  # fmt: skip
LANGUAGES = [("en", 85), ("es", 10), ("fr", 5)]
TRAINER_ONLY_SHARE = 0.03
LINKED_SHARE = 0.4  # uploaded files offered by one or two modules


class Clock:
    def __init__(self):
        self.started = self.last = time.perf_counter()

    def lap(self, what):
        now = time.perf_counter()
        print(f"  {what}: {now - self.last:.1f} s", flush=True)
        self.last = now

    @property
    def total(self):
        return time.perf_counter() - self.started


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _sample_bytes(extension):
    if extension == "pdf":
        return b"%PDF-1.4\n% STS Learn scale benchmark sample\n%%EOF\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("sample.txt", "STS Learn scale benchmark sample")
    return buffer.getvalue()


def sample_files():
    """{name: (stored name, size, sha1)}: one small file each that many documents share."""
    files = {}
    for name in ("slides.pptx", "slides.pdf", "handout.pdf", "upload.pdf", "upload.docx",
                 "upload.pptx"):  # fmt: skip
        stored = f"documents/scale/{name}"
        content = _sample_bytes(name.rsplit(".", 1)[1])
        if not default_storage.exists(stored):
            default_storage.save(stored, ContentFile(content))
        files[name] = (stored, len(content), hashlib.sha1(content).hexdigest())
    return files


PAGE_FIELDS = [field for field in Page._meta.local_concrete_fields if not field.primary_key]


def insert_pages(model, pages):
    """Page rows, then their specific rows, in batches: what add_child writes, without its
    ten milliseconds a page (no revisions, no signals)."""
    for batch in chunks(pages, BATCH):
        rows = Page._base_manager._insert(
            batch, fields=PAGE_FIELDS, returning_fields=[Page._meta.pk], using="default"
        )
        for page, (pk,) in zip(batch, rows, strict=True):
            page.id = page.page_ptr_id = pk
            page._state.adding = False
            page._state.db = "default"
        model._base_manager._insert(
            batch, fields=model._meta.local_concrete_fields, using="default"
        )


def insert_terms(rows):
    """(entry id, term, weight) rows into the term index: COPY on PostgreSQL."""
    table = SearchTerm._meta.db_table
    columns = "entry_id, term, weight"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s)", rows)


@contextmanager
def term_index_built_after():
    """The term lookup index dropped while millions of terms go in, then built once: far
    faster than keeping it up to date row by row."""
    index = next(index for index in SearchTerm._meta.indexes if index.name == "term_lookup")
    editor = connection.schema_editor()
    editor.deferred_sql = []  # only its SQL is used, inside the seeding transaction
    with connection.cursor() as cursor:
        cursor.execute(str(index.remove_sql(SearchTerm, editor)))
        yield
        cursor.execute(str(index.create_sql(SearchTerm, editor)))


def stream(corpus, block_type, values):
    return [{"type": block_type, "value": value, "id": corpus.uuid()} for value in values]


class Seeder:
    def __init__(self, scale, seed):
        self.rng = random.Random(seed)
        self.corpus = Corpus(self.rng)
        self.courses_wanted = max(1, round(COURSES * scale))
        self.uploads_wanted = max(1, round(UPLOADS * scale))
        self.clock = Clock()

    # The site around the corpus.

    def prepare(self, demo_courses):
        call_command("migrate", verbosity=0, interactive=False)
        self.clock.lap("migrate")
        if CoursePage.objects.filter(slug__startswith=COURSE_SLUG).exists():
            raise SystemExit("This database is seeded already: run again with --reset.")
        self.home = DemoLoader(log=lambda message: None).load_site(courses=demo_courses)
        self.clock.lap("consortium pages (demo loader)")
        self.domains = list(DomainPage.objects.child_of(self.home).order_by("path"))
        self.audiences = []
        for item in read_data()["audiences"]:
            audience, _made = Audience.objects.get_or_create(
                slug=item["slug"],
                defaults={"name": item["name"], "description": item["description"]},
            )
            self.audiences.append(audience)
        self.index = self._course_index()
        self.locale_id = Locale.get_default().pk
        self.tags = []
        for name in TOPIC_TAGS:
            tag = Tag.objects.filter(name=name).first()
            self.tags.append(tag or Tag.objects.create(name=name, slug=slugify(name)))
        self.files = sample_files()
        self.materials, self.trainer_only = course_materials(), trainer_only_materials()

    def _course_index(self):
        index = CourseIndexPage.objects.child_of(self.home).first()
        if index is None:
            index = CourseIndexPage(
                title="Courses",
                slug="courses",
                intro="Courses on secondary traumatic stress, module by module.",
                show_in_menus=True,
            )
            self.home.add_child(instance=index)
            index.save_revision().publish()
        return CourseIndexPage.objects.get(pk=index.pk)

    def _published(self):
        return PUBLISHED_FROM + timedelta(minutes=self.rng.randrange(3 * 365 * 24 * 60))

    def _reviewed(self):
        if self.rng.random() < 0.2:
            return None
        return date(2023, 1, 1) + timedelta(days=self.rng.randrange(900))

    def _page(self, model, parent, position, title, slug, **fields):
        published = self._published()
        page = {
            "title": title,
            "draft_title": title,
            "slug": slug,
            "path": Page._get_path(parent.path, parent.depth + 1, position),
            "depth": parent.depth + 1,
            "numchild": 0,
            "url_path": f"{parent.url_path}{slug}/",
            "locale_id": self.locale_id,
            "translation_key": self.corpus.uuid(),
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": published,
            "last_published_at": published,
        }
        return model(**{**page, **fields})

    # Pages.

    def make_courses(self):
        corpus, rng = self.corpus, self.rng
        last = self.index.get_last_child()
        first_position = last._get_lastpos_in_path() + 1 if last else 1
        self.courses = []
        for number in range(self.courses_wanted):
            title = f"{corpus.title()} ({number + 1})"
            course = self._page(
                CoursePage,
                self.index,
                first_position + number,
                title,
                f"{COURSE_SLUG}{number + 1:03d}",
                numchild=MODULES_PER_COURSE,
                summary=corpus.short(380),
                format=rng.choice(CourseFormat.values),
                learning_objectives=stream(
                    corpus, "objective", [corpus.objective() for _ in range(3)]
                ),
                evidence_summary=f"<p>{corpus.text(200, 500)}</p>",
                last_reviewed=self._reviewed(),
            )
            self.courses.append(course)
        insert_pages(CoursePage, self.courses)
        Page.objects.filter(pk=self.index.pk).update(
            numchild=self.index.numchild + len(self.courses)
        )
        self.course_domains, self.course_audiences = {}, {}
        domain_rows, audience_rows = [], []
        for course in self.courses:
            domains = rng.sample(self.domains, rng.randint(1, 2))
            audiences = rng.sample(self.audiences, rng.randint(1, 3))
            self.course_domains[course.pk] = [d.pk for d in domains]
            self.course_audiences[course.pk] = [a.pk for a in audiences]
            domain_rows += [
                CoursePage.domains.through(coursepage_id=course.pk, domainpage_id=d.pk)
                for d in domains
            ]
            audience_rows += [
                CoursePage.audiences.through(coursepage_id=course.pk, audience_id=a.pk)
                for a in audiences
            ]
        CoursePage.domains.through.objects.bulk_create(domain_rows)
        CoursePage.audiences.through.objects.bulk_create(audience_rows)
        # One course is for trainers only, as on a real site.
        restriction = PageViewRestriction.objects.create(
            page=self.courses[-1], restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name=TRAINERS))

    def _handout_block(self):
        corpus = self.corpus
        paragraphs = corpus.paragraphs(700, 1800)
        bullets = [corpus.short(160) for _ in range(self.rng.randint(2, 4))]
        body = [
            *stream(corpus, "heading", [corpus.short(100)]),
            *stream(corpus, "paragraph", paragraphs),
            *stream(corpus, "bullets", [bullets]),
        ]
        value = {
            "title": corpus.title(),
            "description": corpus.short(200),
            "kind": self.rng.choice(["handout", "worksheet"]),
            "body": body,
            "replacement": None,
        }
        text = "\n".join([value["title"], body[0]["value"], *paragraphs, *bullets])
        return {"type": "handout", "value": value, "id": corpus.uuid()}, text

    def make_modules(self):
        corpus, rng = self.corpus, self.rng
        self.modules, self.module_course, self.handouts = [], {}, {}
        self.module_domains = {}
        for course in self.courses:
            for position in range(1, MODULES_PER_COURSE + 1):
                handouts = [self._handout_block() for _ in range(2)]
                activity = {
                    "title": corpus.title(),
                    "minutes": rng.randint(5, 40),
                    "steps": [corpus.short(150) for _ in range(rng.randint(2, 3))],
                    "instructions": corpus.text(200, 500),
                    "debrief": corpus.short(200),
                    "supplies": [],
                    "materials": "",
                }
                module = self._page(
                    ModulePage,
                    course,
                    position,
                    corpus.title(),
                    f"module-{position:03d}",
                    summary=corpus.text(150, 550)[:600],
                    learning_objectives=stream(
                        corpus, "objective", [corpus.objective() for _ in range(rng.randint(2, 4))]
                    ),
                    key_messages=stream(
                        corpus, "message", [corpus.short(280) for _ in range(rng.randint(3, 5))]
                    ),
                    activities=stream(corpus, "activity", [activity]),
                    facilitator_notes=f"<p>{corpus.text(200, 600)}</p>",
                    content_warning=corpus.short(300) if rng.random() < 0.2 else "",
                    handout_texts=[block for block, _text in handouts],
                    duration_minutes=rng.choice([30, 45, 60, 90, 120]),
                    evidence_level=rng.choice(EvidenceLevel.values),
                    evidence_rationale="",
                    last_reviewed=self._reviewed(),
                )
                self.modules.append(module)
                self.module_course[id(module)] = course
                self.handouts[id(module)] = handouts
        insert_pages(ModulePage, self.modules)
        rows = []
        for module in self.modules:
            course = self.module_course.pop(id(module))
            self.module_course[module.pk] = course
            self.handouts[module.pk] = self.handouts.pop(id(module))
            domains = [] if rng.random() < 0.1 else rng.sample(self.domains, rng.randint(1, 2))
            # A module without domains of its own is found by its course's (search.indexing).
            self.module_domains[module.pk] = [d.pk for d in domains] or self.course_domains[
                course.pk
            ]
            rows += [
                ModulePage.domains.through(modulepage_id=module.pk, domainpage_id=d.pk)
                for d in domains
            ]
        ModulePage.domains.through.objects.bulk_create(rows, batch_size=BATCH)

    # Documents.

    def _document(self, file, **fields):
        stored, size, sha1 = self.files[file]
        return CourseDocument(
            file=stored,
            file_size=size,
            file_hash=sha1,
            text_status=TextStatus.EXTRACTED,
            text_extracted_at=PUBLISHED_FROM,
            **fields,
        )

    def _slides_text(self, module):
        corpus = self.corpus
        parts = [module.title, module.summary]
        parts += [block.value for block in module.learning_objectives]
        parts += [block.value for block in module.key_messages]
        parts.append(corpus.text(400, 1400))  # speaker notes
        return "\n".join(parts)

    def make_documents(self):
        """Every module's printed slides and handouts, then the uploaded files."""
        rng, corpus = self.rng, self.corpus
        self.documents, self.document_modules = [], defaultdict(set)
        self.document_audiences, self.document_tags = {}, {}
        for module in self.modules:
            audiences = self.course_audiences[self.module_course[module.pk].pk]
            common = {
                "generated_for_id": module.pk,
                "collection": self.materials,
                "licence": Licence.CC_BY_NC_SA,
                "language": "en",
                "last_reviewed": module.last_reviewed,
                "generated_at": PUBLISHED_FROM,
                "attribution": f"Generated by STS Learn from the module “{module.title}”.",
            }
            slides = self._slides_text(module)
            made = [
                self._document("slides.pptx", title=f"{module.title}: slides (PowerPoint)",
                               kind=DocumentKind.SLIDES, generated_key="slides.pptx",
                               description="The slides, 16:9, with the facilitator's notes.",
                               extracted_text=slides, page_count=rng.randint(8, 20), **common),
                self._document("slides.pdf", title=f"{module.title}: slides (PDF)",
                               kind=DocumentKind.SLIDES, generated_key="slides.pdf",
                               description="The same slides as a PDF, one slide a page.",
                               extracted_text=slides, page_count=rng.randint(8, 20), **common),
            ]  # fmt: skip
            for block, text in self.handouts[module.pk]:
                value = block["value"]
                made.append(
                    self._document("handout.pdf", title=value["title"], kind=value["kind"],
                                   generated_key=f"handout:{block['id']}",
                                   description=value["description"], extracted_text=text,
                                   page_count=rng.randint(1, 3), **common)
                )  # fmt: skip
            for document in made:
                self.documents.append(document)
                self.document_audiences[id(document)] = audiences
        uploads = []
        for _ in range(self.uploads_wanted):
            kind = weighted(rng, UPLOAD_KINDS)
            extension = rng.choice(["pptx", "pptx", "pdf"] if kind == "slides" else
                                   ["pdf", "pdf", "docx"])  # fmt: skip
            trainer_only = rng.random() < TRAINER_ONLY_SHARE
            document = self._document(
                f"upload.{extension}",
                title=corpus.title(),
                kind=kind,
                description=corpus.short(300),
                extracted_text=corpus.text(1000, 3000),
                language=weighted(rng, LANGUAGES),
                licence=rng.choice(Licence.values),
                last_reviewed=self._reviewed(),
                page_count=rng.randint(1, 12),
                collection=self.trainer_only if trainer_only else self.materials,
            )
            self.documents.append(document)
            uploads.append(document)
            self.document_audiences[id(document)] = [
                a.pk for a in rng.sample(self.audiences, rng.randint(1, 2))
            ]
            tags = rng.sample(self.tags, rng.randint(1, 3))
            self.document_tags[id(document)] = sorted(tags, key=lambda tag: tag.pk)
        CourseDocument.objects.bulk_create(self.documents, batch_size=BATCH)
        self.document_audiences = {
            document.pk: self.document_audiences[id(document)] for document in self.documents
        }
        self.document_tags = {
            document.pk: self.document_tags.get(id(document), []) for document in self.documents
        }
        for document in self.documents:
            if document.generated_for_id:
                self.document_modules[document.pk].add(document.generated_for_id)
        self._link_uploads(uploads)
        self._tag_and_audience_rows()

    def _link_uploads(self, uploads):
        rows, per_module = [], defaultdict(int)
        for document in uploads:
            if self.rng.random() >= LINKED_SHARE:
                continue
            for module in self.rng.sample(self.modules, self.rng.randint(1, 2)):
                per_module[module.pk] += 1
                rows.append(
                    ModuleHandout(page_id=module.pk, document_id=document.pk,
                                  sort_order=per_module[module.pk])
                )  # fmt: skip
                self.document_modules[document.pk].add(module.pk)
        ModuleHandout.objects.bulk_create(rows, batch_size=BATCH)

    def _tag_and_audience_rows(self):
        through = CourseDocument.audiences.through
        audience_rows = [
            through(coursedocument_id=pk, audience_id=audience)
            for pk, audiences in self.document_audiences.items()
            for audience in audiences
        ]
        through.objects.bulk_create(audience_rows, batch_size=BATCH)
        content_type = ContentType.objects.get_for_model(CourseDocument)
        tag_rows = [
            TaggedItem(tag_id=tag.pk, content_type_id=content_type.pk, object_id=pk)
            for pk, tags in self.document_tags.items()
            for tag in tags
        ]
        TaggedItem.objects.bulk_create(tag_rows, batch_size=BATCH)

    # The search index.

    def build_index(self):
        synonyms = indexing.current_synonyms()
        for course in self.courses:
            indexing.index_page(course, synonyms)
        self.clock.lap(f"search index: {len(self.courses)} courses (search.indexing)")
        with term_index_built_after():
            items = [(module, self._module_entry(module)) for module in self.modules]
            self._write_entries(items, synonyms)
            self.clock.lap(f"search index: {len(self.modules)} modules")
            items = ((document, self._document_entry(document)) for document in self.documents)
            self._write_entries(list(items), synonyms)
            self.clock.lap(f"search index: {len(self.documents)} documents")
        self.clock.lap("search index: the term index built")

    def _module_entry(self, module):
        course = self.module_course[module.pk]
        return {
            "entry": SearchEntry(page_id=module.pk, kind=EntryKind.MODULE),
            "texts": indexing.texts_of(module),
            "domains": self.module_domains[module.pk],
            "audiences": self.course_audiences[course.pk],
        }

    def _document_entry(self, document):
        """As indexing.texts_of reads a document: its tags' names come first in the body."""
        tag_names = [tag.name for tag in self.document_tags[document.pk]]
        domains = set()
        for module_id in self.document_modules[document.pk]:
            domains.update(self.module_domains[module_id])
        return {
            "entry": SearchEntry(
                document_id=document.pk, page_id=document.generated_for_id, kind=EntryKind.HANDOUT
            ),
            "texts": (
                document.title,
                document.description,
                "\n".join(text for text in [*tag_names, document.extracted_text] if text.strip()),
            ),
            "domains": sorted(domains),
            "audiences": self.document_audiences[document.pk],
        }

    def _write_entries(self, items, synonyms):
        """Entries as search.indexing writes them, inserted in bulk."""
        domains_through = SearchEntry.domains.through
        audiences_through = SearchEntry.audiences.through
        for chunk in chunks(items, ENTRY_CHUNK):
            entries = []
            for _obj, item in chunk:
                entry = item["entry"]
                title, summary, body = item["texts"]
                entry.title = title[:255]
                entry.description = summary[:2000]
                entry.body = body[: indexing.MAX_BODY_CHARS]
                entry.priority = indexing.PRIORITY[entry.kind]
                entries.append(entry)
            SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
            domain_rows, audience_rows, term_rows = [], [], []
            for _obj, item in chunk:
                pk = item["entry"].pk
                domain_rows += [domains_through(searchentry_id=pk, domainpage_id=d)
                                for d in item["domains"]]  # fmt: skip
                audience_rows += [audiences_through(searchentry_id=pk, audience_id=a)
                                  for a in item["audiences"]]  # fmt: skip
                weights = indexing.weighted_terms(*item["texts"], synonyms)
                term_rows += [(pk, term, weight) for term, weight in weights.items()]
            domains_through.objects.bulk_create(domain_rows, batch_size=BATCH)
            audiences_through.objects.bulk_create(audience_rows, batch_size=BATCH)
            insert_terms(term_rows)

    # Checks and figures.

    def check_index(self, sample=10):
        """Write a sample of entries again with search.indexing itself (rolled back) and
        compare: the seeded index must be the one the site makes."""
        rng = random.Random(0)
        differences = []
        modules = rng.sample(self.modules, min(sample, len(self.modules)))
        documents = rng.sample(self.documents, min(sample, len(self.documents)))
        for obj in [*modules, *documents]:
            is_page = isinstance(obj, Page)
            entries = SearchEntry.objects.filter(
                **({"page_id": obj.pk, "document__isnull": True} if is_page else
                   {"document_id": obj.pk})
            )  # fmt: skip
            seeded = _entry_state(entries.get())
            with transaction.atomic():
                if is_page:
                    indexing.index_page(ModulePage.objects.get(pk=obj.pk))
                else:
                    indexing.index_document(CourseDocument.objects.get(pk=obj.pk))
                written = _entry_state(entries.get())
                transaction.set_rollback(True)
            if seeded != written:
                differences.append(f"{type(obj).__name__} {obj.pk}")
        checked = len(modules) + len(documents)
        if differences:
            raise SystemExit(f"The seeded index differs from search.indexing's: {differences}")
        print(f"  index check: {checked} of {checked} sampled entries as search.indexing "
              "writes them", flush=True)  # fmt: skip


def _entry_state(entry):
    return (
        entry.kind,
        entry.title,
        entry.description,
        entry.body,
        entry.priority,
        entry.page_id,
        sorted(entry.domains.values_list("pk", flat=True)),
        sorted(entry.audiences.values_list("pk", flat=True)),
        dict(entry.terms.values_list("term", "weight")),
    )


def counts():
    return {
        "pages": Page.objects.count(),
        "courses": CoursePage.objects.count(),
        "modules": ModulePage.objects.count(),
        "documents": CourseDocument.objects.count(),
        "module handout links": ModuleHandout.objects.count(),
        "document topics": TaggedItem.objects.count(),
        "search entries": SearchEntry.objects.count(),
        "search terms": SearchTerm.objects.count(),
    }


def seed(scale, seed_value, demo_courses=False):
    seeder = Seeder(scale, seed_value)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -1048576")  # 1 GB while seeding, not 2 MB
    seeder.prepare(demo_courses)
    with transaction.atomic():
        seeder.make_courses()
        seeder.clock.lap(f"{len(seeder.courses)} courses")
        seeder.make_modules()
        seeder.clock.lap(f"{len(seeder.modules)} modules")
        seeder.make_documents()
        seeder.clock.lap(f"{len(seeder.documents)} documents")
        seeder.build_index()
    seeder.check_index()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does on a settled site
        seeder.clock.lap("VACUUM ANALYZE")
    print(f"Seeded in {seeder.clock.total:.0f} s:")
    for name, number in counts().items():
        print(f"  {name:>22}: {number:>10,}")
