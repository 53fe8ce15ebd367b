"""A page budget for rendering: the layout stops with PageBudgetExceeded as soon as a PDF outgrows it."""

import contextlib
from contextvars import ContextVar

from reportlab.platypus.doctemplate import BaseDocTemplate


class PageBudgetExceeded(Exception):
    """The PDF would have more than ``pages`` pages; nothing was finished."""

    def __init__(self, pages: int):
        super().__init__(f"the PDF would have more than {pages} pages")
        self.pages = pages


class _Budget:
    def __init__(self, pages: int):
        self.pages = pages
        self.begun = 0

    def begin_page(self):
        self.begun += 1
        if self.begun > self.pages:
            raise PageBudgetExceeded(self.pages)


_budget: ContextVar[_Budget | None] = ContextVar("pdf_page_budget", default=None)


@contextlib.contextmanager
def page_budget(pages: int | None):
    """Within this block, a reportlab document stops laying out when it begins page ``pages + 1``.

    ``None`` sets no budget (the render_passports command prints as many pages as asked). The budget
    is per thread and per context, so concurrent requests each have their own.
    """
    token = _budget.set(_Budget(pages) if pages is not None else None)
    try:
        yield
    except PageBudgetExceeded as exceeded:
        # reportlab re-raises errors from inside the layout as a new instance with an annotated message.
        raise PageBudgetExceeded(pages) from exceeded
    finally:
        _budget.reset(token)


def check_pages(pages: int, budget: int | None) -> None:
    """For PDFs whose page count is known before drawing (label sheets): refuse them before any work."""
    if budget is not None and pages > budget:
        raise PageBudgetExceeded(budget)


def _install() -> None:
    """Count every page reportlab's layout begins. The renderers in catalogue/passports/pdf/ build their
    documents themselves, so the count hooks into the document template they all use, not into them; a
    layout that runs away (hundreds of pages from one long text) then costs the budget, not a worker."""
    original = BaseDocTemplate.handle_pageBegin
    if getattr(original, "counts_pages", False):
        return

    def handle_pageBegin(self):
        budget = _budget.get()
        if budget is not None:
            budget.begin_page()
        original(self)

    handle_pageBegin.counts_pages = True
    BaseDocTemplate.handle_pageBegin = handle_pageBegin


_install()
