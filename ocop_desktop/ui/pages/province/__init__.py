"""The province's page: every round in the file, as of today (the provincial office's; any file can show it)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ocop_desktop.services import province
from ocop_desktop.ui.context import Change, WorkContext
from ocop_desktop.ui.pages import Page
from ocop_desktop.ui.pages.province.view import ProvincePage


class ProvincePageController(Page):
    watches = Change.FILE | Change.ROUNDS | Change.DATA

    def __init__(self, ctx: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view = ProvincePage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        if self.ctx.db is not None:
            self.view.load(province.province_view(self.ctx.db, today=dt.date.today()))
