"""Check and fix a file too large to read whole, chunk by chunk, in this process or in a pool of workers.

``proofread.files`` opens such a file as a ``ChunkedSource`` and ``proofread.chunks`` cuts its text into
chunks at paragraph boundaries; here each chunk is checked (and fixed) as a document of its own
(``check_chunk``), its findings are moved to the file's offsets, and, with ``--fix``, the fixed chunks are
written one after the other into the temporary file that replaces the file at the end.

The chunks are checked by a ``ChunkMap``: in turn, here, by default; with ``--jobs`` above 1 by
``pool_chunk_map``, which keeps a few chunks in flight in the runner's worker processes and returns
their outcomes in order, so that the report and the fixed file are those of a single process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace

from proofread import files
from proofread.chunks import chunks, drop_end_findings
from proofread.files import ChunkedSource, FileError, StreamedWrite
from proofread.lines import Excerpt
from proofread.model import Diagnostic, Edit, Span
from proofread.runner import FileResult, Plan, Settings, finding_ranges, is_markdown


@dataclass(frozen=True)
class ChunkOutcome:
    """One chunk of a large file checked (and fixed): its text after fixes and what remains in it, at the
    chunk's own offsets."""

    text: str
    diagnostics: tuple[Diagnostic, ...]
    applied: int = 0
    reverted: bool = False


def check_chunk(plan: Plan, settings: Settings, path: str, text: str, last: bool) -> ChunkOutcome:
    """Check one chunk of ``path`` as a document of its own, fixing it first when ``--fix`` is on."""

    def check(current: str) -> list[Diagnostic]:
        return drop_end_findings(plan.check(current, path), current, last)

    if not settings.fix:
        return ChunkOutcome(text, tuple(check(text)))
    from proofread.fix import fix_until_stable
    from proofread.verify import verifier_for

    fixed = fix_until_stable(text, check, settings.required, verify=verifier_for(path, markdown=is_markdown(path)))
    return ChunkOutcome(fixed.text, tuple(check(fixed.text)), fixed.applied, fixed.reverted)


# How a large file's chunks are checked: (path, [(text, last), ...]) -> outcomes in the same order.
ChunkMap = Callable[[str, Iterable[tuple[str, bool]]], Iterator[ChunkOutcome]]


def process_chunked(
    source: ChunkedSource, settings: Settings, plan: Plan, keep_text: bool = False, chunk_map: ChunkMap | None = None
) -> FileResult:
    """Check (and fix) a file too large to read whole, chunk by chunk (see ``proofread.chunks``).

    ``chunk_map`` checks the chunks (by default here, one after the other; a pool of workers may check
    several at once); findings are mapped back to the file's offsets and lines. With ``--fix`` each
    chunk's fixed text goes into a temporary file that replaces the file at the end, when some fix was
    made and the file did not change meanwhile; ``--diff`` is refused (it would need the whole text twice).
    """
    path = source.path
    if settings.diff:
        raise FileError(path, f"--diff is not available for a file over {files.WHOLE_FILE_BYTES >> 20} MiB; use --fix")
    if chunk_map is None:

        def chunk_map(path: str, items: Iterable[tuple[str, bool]]) -> Iterator[ChunkOutcome]:
            return (check_chunk(plan, settings, path, text, last) for text, last in items)

    items = ((c.text, c.last) for c in chunks(source.pieces(), is_markdown(path)))
    diagnostics: list[Diagnostic] = []
    excerpts: list[Excerpt] = []
    texts: list[str] = []
    applied, reverted = 0, False
    start, line = 0, 1  # where the next chunk begins in the text reported on (the fixed text)
    with ExitStack() as stack:
        writer = None
        for outcome in chunk_map(path, items):
            text = outcome.text
            if settings.fix:
                if writer is None:
                    writer = stack.enter_context(StreamedWrite(path, source.bom))
                writer.write(text)
                applied += outcome.applied
                reverted = reverted or outcome.reverted
            found = [shifted(d, start) for d in outcome.diagnostics]
            diagnostics.extend(found)
            excerpts.append(Excerpt.around(text, finding_ranges(found), start, line))
            if keep_text:
                texts.append(text)
            start += len(text)
            line += text.count("\n")
        if writer is not None and applied:
            writer.commit(source.source())
    warning = f"{path}: some fixes were left out: they would change the Markdown structure" if reverted else None
    whole = "".join(texts) if keep_text else None
    excerpt = Excerpt.whole(whole) if whole is not None else Excerpt.join(excerpts)
    return FileResult(path, tuple(diagnostics), excerpt, fixed=applied, warning=warning, text=whole)


def shifted(d: Diagnostic, delta: int) -> Diagnostic:
    """``d`` found in a chunk, moved to the offsets of the whole text (the chunk begins at ``delta``)."""
    if not delta:
        return d
    fix = d.fix
    if fix is not None:
        fix = replace(fix, edits=tuple(Edit(e.start + delta, e.end + delta, e.content) for e in fix.edits))
    return replace(d, span=Span(d.span.start + delta, d.span.end + delta), fix=fix)


def pool_chunk_map(pool, window: int) -> ChunkMap:
    """A ChunkMap that checks chunks in ``pool``, in order, with at most ``window`` of them in flight (so
    a large file is not read ahead into memory faster than the workers check it)."""

    def chunk_map(path: str, items: Iterable[tuple[str, bool]]) -> Iterator[ChunkOutcome]:
        pending: deque = deque()
        for text, last in items:
            pending.append(pool.apply_async(work_chunk, (path, text, last)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    return chunk_map


def work_chunk(path: str, text: str, last: bool) -> ChunkOutcome:
    from proofread import runner

    session = runner._SESSION
    assert session is not None
    return check_chunk(session.plan_for(path), session.settings, path, text, last)
