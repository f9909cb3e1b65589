"""Closed vocabularies shared by the database, the services and the screens. Values are stored as text."""

from __future__ import annotations

import enum


class LegalForm(enum.StrEnum):
    """Loại hình chủ thể OCOP (QĐ 26/2026 Điều 2)."""

    COOPERATIVE = "hop_tac_xa"  # Hợp tác xã
    COOPERATIVE_GROUP = "to_hop_tac"  # Tổ hợp tác
    SME = "doanh_nghiep"  # Doanh nghiệp nhỏ và vừa
    FARM = "trang_trai"  # Trang trại
    HOUSEHOLD = "ho_san_xuat"  # Hộ sản xuất, hộ kinh doanh có đăng ký
    ASSOCIATION = "hiep_hoi"  # Hội, hiệp hội, trung tâm điều hành (du lịch)


class Gender(enum.StrEnum):
    FEMALE = "nu"
    MALE = "nam"
    OTHER = "khac"


class RegistrationType(enum.StrEnum):
    """Lần đăng ký: lần đầu / nâng hạng / đánh giá lại."""

    FIRST = "lan_dau"
    UPGRADE = "nang_hang"
    RE_EVALUATION = "danh_gia_lai"


class CouncilLevel(enum.StrEnum):
    COMMUNE = "xa"
    DISTRICT = "huyen"  # councils under QĐ 1048 / QĐ 148 before 06/7/2025
    PROVINCE = "tinh"
    CENTRAL = "trung_uong"


class MemberRole(enum.StrEnum):
    """Vai trò trong hội đồng; khách mời không chấm điểm."""

    CHAIR = "chu_tich"
    VICE_CHAIR = "pho_chu_tich"
    MEMBER = "uy_vien"
    SECRETARY_MEMBER = "uy_vien_thu_ky"
    GUEST = "khach_moi"

    @property
    def scores(self) -> bool:
        return self is not MemberRole.GUEST


class RoundStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class BallotStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class EntryMode(enum.StrEnum):
    """Who typed the ballot: the member, the secretary from paper (confirmed by a second entry), or a file."""

    SELF = "self"
    PAPER = "paper"
    IMPORTED = "imported"


class ResultStatus(enum.StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REFERRED_CENTRAL = "referred_central"
    ELIMINATED = "eliminated"


class CertificateStatus(enum.StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"


class RevocationGround(enum.StrEnum):
    """Căn cứ thu hồi giấy chứng nhận, QĐ 26/2026 Điều 8 khoản 1."""

    FALSE_INFORMATION = "a"  # thông tin gian dối, giả mạo
    NO_LONGER_MEETS = "b"  # không còn đáp ứng tiêu chí theo kết luận kiểm tra
    VIOLATION = "c"  # vi phạm chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, nhãn…
    MISUSE_OF_MARK = "d"  # sử dụng biểu trưng OCOP sai gây nhầm lẫn
    STOPPED_PRODUCTION = "dd"  # chủ thể ngừng sản xuất
    OTHER_AUTHORITY = "e"  # kết luận khác của cơ quan có thẩm quyền


class Role(enum.StrEnum):
    """Roles of local accounts (see docs/permissions.md)."""

    ADMIN = "admin"
    SECRETARY = "secretary"
    CHAIR = "chair"
    MEMBER = "member"
    OFFICER = "officer"


class CommuneItem(enum.StrEnum):
    """The four contents the commune pre-assesses (QĐ 26/2026 Điều 7.2)."""

    RAW_MATERIAL = "nguon_goc_nguyen_lieu"
    LOCAL_LABOUR = "lao_dong_dia_phuong"
    IDEA_ORIGIN = "nguon_goc_y_tuong"
    LOCAL_IDENTITY = "ban_sac_tri_tue"
