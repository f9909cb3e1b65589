"""The minutes of the council's meeting read back from the PDF: who met and whether the quorum held, every member's
total and every average of every scoring pass equal to the scoring core's, the re-score with its discussion and
reason, the conclusions, the closing time; refused when a stored result of any pass no longer follows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop.documents import minutes
from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.domain.numbers import format_points_vi
from ocop_desktop.domain.quorum import Quorum
from ocop_desktop.models import Dossier, MeetingSession, Product, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import round_setup
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.demo import DISCUSSION, MEMBERS
from ocop_desktop.services.results import compute, gather_inputs
from ocop_desktop.services.round_documents import DocumentRefused, minutes_data, render_round_documents


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


@pytest.fixture
def minutes_text(demo_db: Database, tmp_path: Path) -> str:
    files = render_round_documents(
        demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path, kinds=("minutes",), minutes_number="15"
    )
    assert [f.name for f in files] == ["bien-ban-hop-hoi-dong.pdf"]
    return _text(files[0])


def test_minutes_heading_composition_and_quorum(minutes_text: str) -> None:
    text = minutes_text
    assert "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Số: 15/BB-HĐĐG" in text and "Thái Nguyên, ngày 15 tháng 10 năm 2026" in text
    assert "BIÊN BẢN Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên" in text
    assert "Căn cứ Quyết định số 1520/QĐ-UBND ngày 02/9/2026" in text
    assert "Vào hồi 08 giờ, ngày 15 tháng 10 năm 2026, tại Hội trường UBND tỉnh." in text
    for name, _role, position in MEMBERS:
        assert name in text and position in text
    assert "Hoàng Minh Khôi Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch Ủy viên Vắng" in text
    assert "Chủ trì: Nguyễn Văn Thành, Chủ tịch Hội đồng." in text
    assert "Thư ký: Vũ Thị Lan, Ủy viên thư ký Hội đồng." in text
    assert "Tổ tư vấn giúp việc hội đồng: Triệu Thị Mai, Chi cục Phát triển nông thôn." in text
    # 7 scoring members (the guest does not score), 6 present, 2/3 rounds up to 5
    assert "Số thành viên chấm điểm có mặt: 6/7" in text and "tức 5 thành viên" in text
    assert "Cuộc họp đủ điều kiện tiến hành." in text
    assert "Cuộc họp kết thúc vào hồi 16 giờ 30, ngày 15 tháng 10 năm 2026." in text
    assert "THƯ KÝ HỘI ĐỒNG Vũ Thị Lan CHỦ TỊCH HỘI ĐỒNG Nguyễn Văn Thành Nơi nhận:" in text


def test_every_figure_of_every_pass_is_the_scoring_cores(demo_db: Database, minutes_text: str) -> None:
    text = minutes_text
    checked = 0
    with demo_db.reading() as s:
        for dossier in s.scalars(select(Dossier).order_by(Dossier.agenda_order)):
            product = s.get(Product, dossier.product_id)
            assert product is not None and product.name in text
            for scoring_round in range(1, dossier.scoring_round + 1):
                inputs = gather_inputs(s, dossier, scoring_round)
                result, _ = compute(inputs)
                parts = [part.id for part in inputs.sheet.parts]
                for index, member in enumerate((m for m in result.members if not m.excluded), start=1):
                    totals = " ".join(str(member.part_totals[p]) for p in parts)
                    assert f"{index} {inputs.names[member.member]} {totals} {member.total}" in text
                    checked += 1
                averages = " ".join(format_points_vi(result.part_averages[p]) for p in parts)
                assert f"Điểm trung bình {averages} {format_points_vi(result.average_total)}" in text
                assert f"Chênh lệch tổng điểm giữa các thành viên: {result.spread} điểm (giới hạn 10)" in text
    assert checked == 77  # every counted ballot of the demo, both passes of the re-scored product included


def test_recusal_rescore_and_conclusions(demo_db: Database, minutes_text: str) -> None:
    text = minutes_text
    assert "Thành viên không tham gia chấm (xung đột lợi ích): Đặng Quốc Bảo (Có quan hệ gia đình với chủ thể)." in text
    assert "Lần chấm thứ 1: kết quả chấm điểm của 6 thành viên" in text
    assert "vượt giới hạn." in text
    assert f"Ý kiến thảo luận của hội đồng: {' '.join(DISCUSSION.split())}" in text
    assert "Hội đồng thống nhất chấm lại. Lý do: Chênh lệch điểm vượt 10 điểm." in text
    data = minutes_data(demo_db, actor=SYSTEM, round_id=_round(demo_db))
    by_stars: dict[int, int] = {}
    for product in data.products:
        if product.outcome == "proposed":
            assert product.stars is not None and f"Kết luận: Đề nghị công nhận {product.stars} sao." in text
            by_stars[product.stars] = by_stars.get(product.stars, 0) + 1
    assert by_stars == {4: 6, 3: 4}
    for stars, count in by_stars.items():
        assert f"Đề nghị công nhận sản phẩm OCOP {stars} sao ({count} sản phẩm)" in text
    others = [(p.product, p.outcome, p.stars, p.reason) for p in data.products if p.outcome != "proposed"]
    assert others == [
        ("Chè đinh La Bằng", "referred", 5, ""),
        ("Rượu táo mèo Ba Bể", "not_passing", 2, "đạt 2 sao (41,33 điểm), dưới mức công nhận"),
    ]
    assert "Kết luận: Đề nghị Trung ương đánh giá, công nhận 5 sao." in text
    assert "Đề nghị Trung ương đánh giá, công nhận sản phẩm OCOP 5 sao (1 sản phẩm)" in text
    assert "Kết luận: Không đạt (2 sao, không cấp giấy chứng nhận)." in text
    assert "Không đề nghị công nhận (1 sản phẩm)" in text and "đạt 2 sao (41,33 điểm), dưới mức công nhận" in text
    assert "chưa đạt mức tối thiểu 4 sao ở tiêu chí 5.1. Kết quả phân hạng: 3 sao." in text


def test_conclusions_sort_every_outcome() -> None:
    def product(name: str, outcome: str, stars: int | None, reason: str = "") -> minutes.ProductMinutes:
        return minutes.ProductMinutes(
            1, name, "", "Chủ thể", "", "", ("A",), (), (), (), (), 3, stars, "", (), "", outcome, reason
        )

    groups = minutes.conclusions(
        [
            product("Trà", "proposed", 3),
            product("Mật ong", "proposed", 4),
            product("Rượu", "referred", 5),
            product("Miến", "not_passing", 2, "đạt 2 sao (45,00 điểm), dưới mức công nhận"),
            product("Nấm", "undecided", None, "chưa đủ phiếu đánh giá"),
        ]
    )
    assert [title for title, _ in groups] == [
        "Đề nghị công nhận sản phẩm OCOP 4 sao (1 sản phẩm)",
        "Đề nghị công nhận sản phẩm OCOP 3 sao (1 sản phẩm)",
        "Đề nghị Trung ương đánh giá, công nhận sản phẩm OCOP 5 sao (1 sản phẩm)",
        "Không đề nghị công nhận (1 sản phẩm)",
        "Chưa có kết luận (1 sản phẩm)",
    ]
    assert groups[3][1] == ["Miến — Chủ thể: đạt 2 sao (45,00 điểm), dưới mức công nhận"]


@pytest.mark.parametrize(
    ("present", "chair", "expected"),
    [
        (5, True, "Cuộc họp đủ điều kiện tiến hành."),
        (4, True, "Cuộc họp KHÔNG đủ điều kiện tiến hành theo quy chế."),
        (6, False, "Chủ tịch Hội đồng vắng mặt. Cuộc họp KHÔNG đủ điều kiện"),
    ],
)
def test_quorum_sentence(present: int, chair: bool, expected: str) -> None:
    q = Quorum(present, 7, 5, chair, True, True, "2/3")
    assert expected in minutes.quorum_sentence(q)


def test_an_earlier_pass_edited_behind_the_apps_back_refuses_the_minutes(demo_path: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(demo_path)
    changed = con.execute(
        "UPDATE results SET computed = json_set(computed, '$.spread', 3) WHERE scoring_round = 1 AND dossier_id IN "
        "(SELECT dossier_id FROM results WHERE scoring_round = 2)"
    ).rowcount
    con.commit()
    con.close()
    assert changed == 1
    with Database.open(demo_path) as db, pytest.raises(DocumentRefused) as info:
        render_round_documents(db, actor=SYSTEM, round_id=_round(db), out=tmp_path / "out", kinds=("minutes",))
    assert info.value.problems[0].code == "documents.result_differs"
    assert not (tmp_path / "out").exists()


def test_closing_time_is_checked(demo_db: Database) -> None:
    with demo_db.reading() as s:
        session_id = s.scalars(select(MeetingSession.id)).one()
    with pytest.raises(ValidationFailed) as info:
        round_setup.close_meeting_session(demo_db, actor=SYSTEM, session_id=session_id, closed_at="25:00")
    assert info.value.problems[0].code == "input.bad_time"
    round_setup.close_meeting_session(demo_db, actor=SYSTEM, session_id=session_id, closed_at="9:05")
    with demo_db.reading() as s:
        assert s.scalars(select(MeetingSession.closed_at)).one() == "09:05"


def test_the_minutes_say_whether_the_verification_code_is_final(empty_db: Database, tmp_path: Path) -> None:
    """The code changes at each approval: minutes printed while a result is open say that theirs is provisional."""
    from ocop_desktop.services import results
    from tests.integration.meeting import NAMES, build_meeting

    meeting = build_meeting(empty_db, ("QD26-2026-07", "QD26-2026-11"))
    meeting.attend()
    for sheet in meeting.dossiers:
        for name in NAMES:
            meeting.score(sheet, name)
    results.approve_result(empty_db, actor=meeting.chair, dossier_id=meeting.dossiers["QD26-2026-07"])

    def printed(folder: str) -> str:
        out = tmp_path / folder
        (pdf,) = render_round_documents(
            empty_db, actor=meeting.secretary, round_id=meeting.round_id, out=out, kinds=("minutes",)
        )
        return _text(pdf)

    early = minutes_data(empty_db, actor=meeting.secretary, round_id=meeting.round_id)
    assert early.fingerprint_open == 1
    text = printed("early")
    assert (
        f"Mã xác thực dữ liệu phiên họp: {early.fingerprint} (mã tạm thời, tính khi in biên bản: còn 1 sản phẩm" in text
    )
    assert "mã cuối cùng" not in text
    results.approve_result(empty_db, actor=meeting.chair, dossier_id=meeting.dossiers["QD26-2026-11"])
    late = minutes_data(empty_db, actor=meeting.secretary, round_id=meeting.round_id)
    assert late.fingerprint != early.fingerprint and late.fingerprint_open == 0
    text = printed("late")
    assert f"Mã xác thực dữ liệu phiên họp: {late.fingerprint} (mã cuối cùng: kết quả của mọi sản phẩm" in text
    assert "mã tạm thời" not in text
