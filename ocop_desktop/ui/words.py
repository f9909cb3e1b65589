"""Every enum of the records said in the window's language: one place, so a role, a status or a ground reads the
same on every page and dialog, and a new enum value is translated once."""

from __future__ import annotations

from ocop_desktop.domain.enums import (
    CertificateStatus,
    CouncilLevel,
    Gender,
    LegalForm,
    MemberRole,
    ResultStatus,
    RevocationGround,
    Role,
)
from ocop_desktop.services.exchange_import import FileReport, Outcome
from ocop_desktop.ui.i18n import tr


def role_text(role: MemberRole) -> str:
    """A council member's role, as the council's decision names it."""
    words = {
        MemberRole.CHAIR: tr("Chủ tịch"),
        MemberRole.VICE_CHAIR: tr("Phó Chủ tịch"),
        MemberRole.MEMBER: tr("Ủy viên"),
        MemberRole.SECRETARY_MEMBER: tr("Ủy viên kiêm Thư ký"),
        MemberRole.GUEST: tr("Khách mời"),
    }
    return words[role]


def account_role_text(role: Role) -> str:
    """What an account may do in the program (not the member's role in the council)."""
    words = {
        Role.ADMIN: tr("Quản trị"),
        Role.SECRETARY: tr("Thư ký"),
        Role.CHAIR: tr("Chủ tịch hội đồng"),
        Role.MEMBER: tr("Thành viên hội đồng"),
        Role.OFFICER: tr("Cán bộ tỉnh"),
    }
    return words[role]


def account_role_duties(role: Role) -> str:
    """The work an account role opens, for the tick box's text."""
    words = {
        Role.ADMIN: tr("tài khoản, sao lưu"),
        Role.SECRETARY: tr("chuẩn bị đợt, hồ sơ, phiếu giấy"),
        Role.CHAIR: tr("chấm điểm, duyệt kết quả, xuất tệp gửi tỉnh"),
        Role.MEMBER: tr("chấm phiếu của mình"),
        Role.OFFICER: tr("quyết định công nhận, giấy chứng nhận"),
    }
    return words[role]


def registration_text(value: str) -> str:
    """A dossier's registration type (first time, upgrade, re-evaluation); an unknown value is shown as stored."""
    words = {"lan_dau": tr("Lần đầu"), "nang_hang": tr("Nâng hạng"), "danh_gia_lai": tr("Đánh giá lại")}
    return words.get(value, value)


def commune_item_text(value: str) -> str:
    """An item of the commune's pre-assessment."""
    words = {
        "nguon_goc_nguyen_lieu": tr("Nguồn gốc sản phẩm, nguyên liệu địa phương"),
        "lao_dong_dia_phuong": tr("Sử dụng lao động địa phương"),
        "nguon_goc_y_tuong": tr("Nguồn gốc ý tưởng sản phẩm"),
        "ban_sac_tri_tue": tr("Bản sắc, trí tuệ địa phương"),
    }
    return words.get(value, value)


def level_text(level: CouncilLevel) -> str:
    words = {
        CouncilLevel.COMMUNE: tr("Cấp xã"),
        CouncilLevel.DISTRICT: tr("Cấp huyện"),
        CouncilLevel.PROVINCE: tr("Cấp tỉnh"),
        CouncilLevel.CENTRAL: tr("Cấp trung ương"),
    }
    return words[level]


def authority_text(level: str) -> str:
    """A recognition level as `scoring.authority` names it ("central", "province"…), in the window's language."""
    words = {
        "commune": tr("cấp xã"),
        "district": tr("cấp huyện"),
        "province": tr("cấp tỉnh"),
        "central": tr("cấp trung ương"),
    }
    return words.get(level, level)


def above_authority_text(policy: str) -> str:
    """The council's policy ABOVE_AUTHORITY in the window's language."""
    words = {
        "refer_and_wait": tr("Đề nghị cấp trên và chờ; chưa công nhận hạng sao nào"),
        "recognise_within_authority": tr(
            "Công nhận ngay hạng sao cao nhất trong thẩm quyền (đạt mức tối thiểu) và đề nghị cấp trên"
        ),
    }
    return words.get(policy, policy)


def recognition_text(stars: int | None, recognised: int | None, referred_to: str | None) -> str:
    """What the council's decision does for a product: the star recognised now, the level it is proposed to."""
    if referred_to is None:
        return tr("Công nhận {stars} sao", stars=stars) if recognised is not None else ""
    referral = tr("đề nghị {level} đánh giá, công nhận {stars} sao", level=authority_text(referred_to), stars=stars)
    if recognised is None:
        return tr("Chưa công nhận hạng sao nào tại hội đồng này") + "; " + referral
    return tr("Công nhận ngay {stars} sao trong thẩm quyền", stars=recognised) + "; " + referral


def legal_form_text(form: LegalForm) -> str:
    words = {
        LegalForm.COOPERATIVE: tr("Hợp tác xã"),
        LegalForm.COOPERATIVE_GROUP: tr("Tổ hợp tác"),
        LegalForm.SME: tr("Doanh nghiệp nhỏ và vừa"),
        LegalForm.FARM: tr("Trang trại"),
        LegalForm.HOUSEHOLD: tr("Hộ sản xuất, hộ kinh doanh"),
        LegalForm.ASSOCIATION: tr("Hội, hiệp hội, trung tâm điều hành"),
    }
    return words[form]


def gender_text(gender: Gender) -> str:
    return {Gender.FEMALE: tr("Nữ"), Gender.MALE: tr("Nam"), Gender.OTHER: tr("Khác")}[gender]


def result_status_text(status: ResultStatus | None, locked: bool) -> str:
    """A product's result as the results page heads it, with the lock said."""
    words = {
        ResultStatus.PROPOSED: tr("Đề xuất, chưa phê duyệt"),
        ResultStatus.APPROVED: tr("Đã phê duyệt"),
        ResultStatus.REFERRED_CENTRAL: tr("Đã phê duyệt, đề nghị cấp trung ương đánh giá 5 sao"),
        ResultStatus.ELIMINATED: tr("Không xếp hạng (bị loại / dừng đánh giá)"),
    }
    text = words.get(status, tr("Chưa có kết quả")) if status is not None else tr("Chưa có kết quả")
    return f"{text} — {tr('kết quả đã khóa')}" if locked else text


def certificate_text(state: CertificateStatus | None) -> str:
    words = {
        CertificateStatus.VALID: tr("Còn hiệu lực"),
        CertificateStatus.EXPIRED: tr("Hết hạn"),
        CertificateStatus.REVOKED: tr("Đã thu hồi"),
    }
    return words[state] if state else ""


def stars_text(stars: int | None) -> str:
    return tr("{n} sao", n=stars) if stars is not None else tr("Chưa xếp hạng")


def revocation_grounds() -> dict[RevocationGround, str]:
    """The grounds of QĐ 26/2026 Điều 8 khoản 1, in the window's language."""
    return {
        RevocationGround.FALSE_INFORMATION: tr("a) Thông tin trong hồ sơ gian dối, giả mạo"),
        RevocationGround.NO_LONGER_MEETS: tr("b) Không còn đáp ứng tiêu chí theo kết luận kiểm tra"),
        RevocationGround.VIOLATION: tr("c) Vi phạm chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, nhãn"),
        RevocationGround.MISUSE_OF_MARK: tr("d) Sử dụng biểu trưng OCOP sai, gây nhầm lẫn"),
        RevocationGround.STOPPED_PRODUCTION: tr("đ) Chủ thể ngừng sản xuất"),
        RevocationGround.OTHER_AUTHORITY: tr("e) Kết luận khác của cơ quan có thẩm quyền"),
    }


def backup_reason_text(reason: str) -> str:
    """Why a backup was made, from the word in its name."""
    words = {
        "hang-ngay": tr("hằng ngày (tự động)"),
        "thu-cong": tr("sao lưu ngay (do người dùng)"),
        "truoc-phe-duyet": tr("trước khi phê duyệt kết quả"),
        "truoc-quyet-dinh": tr("trước khi ghi quyết định công nhận"),
        "truoc-khoi-phuc": tr("trước khi khôi phục"),
        "truoc-nhap-excel": tr("trước khi nhập hồ sơ Excel"),
        "truoc-nhap-phieu-excel": tr("trước khi nhập phiếu chấm Excel"),
        "truoc-nhap-tep-trao-doi": tr("trước khi nhập tệp trao đổi"),
    }
    return words.get(reason, reason)


def outcome_text(file: FileReport, dry_run: bool) -> str:
    """What became of one exchange file: on the preview, what would."""
    return {
        Outcome.IMPORTED: tr("Sẽ nhập") if dry_run else tr("Đã nhập"),
        Outcome.ALREADY: tr("Đã có, không thay đổi"),
        Outcome.CONFLICTS: tr("Xung đột — không nhập"),
        Outcome.REFUSED: tr("Không nhập"),
    }[file.outcome]


def minimums_not_checked_text() -> str:
    """Said wherever a sheet without star minimums (QĐ 1048's) is shown or its result is: the stars come from the
    points alone and the minimums QĐ 781/2020 added are not checked (issue 16)."""
    return tr(
        "Phiếu này không có mức tối thiểu theo hạng sao: hạng sao chỉ tính theo điểm trung bình. Các yêu cầu tối "
        "thiểu mà QĐ 781/QĐ-TTg ngày 08/6/2020 bổ sung vào Bộ tiêu chí của QĐ 1048/QĐ-TTg KHÔNG được kiểm tra "
        "(chưa có văn bản phụ lục để đối chiếu); Hội đồng tự đối chiếu và ghi vào biên bản."
    )
