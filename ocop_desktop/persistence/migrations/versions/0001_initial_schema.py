"""Initial schema: the council's whole data model, with the guard triggers on SQLite

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ocop_desktop.persistence import sqlite as sqlite_sql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("acting_for", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.String(length=2000), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
        sa.UniqueConstraint("id", name=op.f("uq_audit_events_id")),
    )
    op.create_table(
        "councils",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "xa",
                "huyen",
                "tinh",
                "trung_uong",
                name="council_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("issuing_body", sa.String(length=255), nullable=False),
        sa.Column("establishing_decision", sa.String(length=255), nullable=True),
        sa.Column("province_code", sa.String(length=2), nullable=True),
        sa.Column("quorum_numerator", sa.Integer(), nullable=False),
        sa.Column("quorum_denominator", sa.Integer(), nullable=False),
        sa.Column("quorum_requires_chair", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_councils")),
    )
    op.create_table(
        "criteria_snapshots",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("version_id", sa.String(length=32), nullable=False),
        sa.Column("sheet_id", sa.String(length=64), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_criteria_snapshots")),
    )
    op.create_table(
        "producers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("name_fold", sa.String(length=255), nullable=False),
        sa.Column(
            "legal_form",
            sa.Enum(
                "hop_tac_xa",
                "to_hop_tac",
                "doanh_nghiep",
                "trang_trai",
                "ho_san_xuat",
                "hiep_hoi",
                name="legal_form",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("registration_number", sa.String(length=64), nullable=True),
        sa.Column("representative_name", sa.String(length=255), nullable=True),
        sa.Column("representative_position", sa.String(length=255), nullable=True),
        sa.Column(
            "representative_gender",
            sa.Enum("nu", "nam", "khac", name="gender", native_enum=False, create_constraint=True, length=32),
            nullable=True,
        ),
        sa.Column("representative_ethnicity", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("province_code", sa.String(length=2), nullable=True),
        sa.Column("commune_code", sa.String(length=5), nullable=True),
        sa.Column("street_address", sa.String(length=500), nullable=True),
        sa.Column("historic_address", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_producers")),
    )
    with op.batch_alter_table("producers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_producers_name_fold"), ["name_fold"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "advisory_members",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("council_id", sa.String(length=36), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("organisation", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["council_id"], ["councils.id"], name=op.f("fk_advisory_members_council_id_councils")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advisory_members")),
    )
    op.create_table(
        "council_members",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("council_id", sa.String(length=36), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "chu_tich",
                "pho_chu_tich",
                "uy_vien",
                "uy_vien_thu_ky",
                "khach_moi",
                name="member_role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.String(length=255), nullable=True),
        sa.Column("organisation", sa.String(length=255), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("pin_hash", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["council_id"], ["councils.id"], name=op.f("fk_council_members_council_id_councils")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_members")),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("producer_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("name_fold", sa.String(length=255), nullable=False),
        sa.Column("rule_version_id", sa.String(length=32), nullable=False),
        sa.Column("sheet_id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("code_province", sa.String(length=2), nullable=True),
        sa.Column("code_commune", sa.String(length=5), nullable=True),
        sa.Column("code_seq", sa.Integer(), nullable=True),
        sa.Column("code_year", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=4000), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["producer_id"], ["producers.id"], name=op.f("fk_products_producer_id_producers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("code", name=op.f("uq_products_code")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index("ix_products_code_parts", ["code_province", "code_commune", "code_year"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_name_fold"), ["name_fold"], unique=False)

    op.create_table(
        "rounds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("council_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("rule_version_id", sa.String(length=32), nullable=False),
        sa.Column("version_snapshot", sa.String(length=64), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft", "open", "closed", name="round_status", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("spread_limit", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["council_id"], ["councils.id"], name=op.f("fk_rounds_council_id_councils")),
        sa.ForeignKeyConstraint(
            ["version_snapshot"],
            ["criteria_snapshots.sha256"],
            name=op.f("fk_rounds_version_snapshot_criteria_snapshots"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("signer", sa.String(length=255), nullable=False),
        sa.Column("signer_title", sa.String(length=255), nullable=True),
        sa.Column("issuing_body", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_decisions_round_id_rounds")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("number", name=op.f("uq_decisions_number")),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column(
            "registration_type",
            sa.Enum(
                "lan_dau",
                "nang_hang",
                "danh_gia_lai",
                name="registration_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("submission_date", sa.Date(), nullable=False),
        sa.Column("rule_version_id", sa.String(length=32), nullable=False),
        sa.Column("sheet_snapshot", sa.String(length=64), nullable=False),
        sa.Column("agenda_order", sa.Integer(), nullable=False),
        sa.Column("scoring_round", sa.Integer(), nullable=False),
        sa.Column("advisory_report", sa.String(length=20000), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_dossiers_product_id_products")),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_dossiers_round_id_rounds")),
        sa.ForeignKeyConstraint(
            ["sheet_snapshot"],
            ["criteria_snapshots.sha256"],
            name=op.f("fk_dossiers_sheet_snapshot_criteria_snapshots"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
        sa.UniqueConstraint("round_id", "product_id", name=op.f("uq_dossiers_round_id_product_id")),
    )
    op.create_table(
        "meeting_sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=255), nullable=True),
        sa.Column("opened_at", sa.String(length=5), nullable=True),
        sa.Column("closed_at", sa.String(length=5), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_meeting_sessions_round_id_rounds")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_sessions")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["council_members.id"], name=op.f("fk_users_member_id_council_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_attachments_dossier_id_dossiers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_table(
        "attendance",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["council_members.id"], name=op.f("fk_attendance_member_id_council_members")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["meeting_sessions.id"], name=op.f("fk_attendance_session_id_meeting_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("session_id", "member_id", name=op.f("uq_attendance_session_id_member_id")),
    )
    op.create_table(
        "ballots",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("scoring_round", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("draft", "submitted", name="ballot_status", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column(
            "entry_mode",
            sa.Enum(
                "self", "paper", "imported", name="entry_mode", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("entered_by", sa.String(length=36), nullable=True),
        sa.Column("confirmed_by", sa.String(length=36), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("opinion", sa.String(length=4000), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_ballots_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["council_members.id"], name=op.f("fk_ballots_member_id_council_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballots")),
        sa.UniqueConstraint(
            "dossier_id", "member_id", "scoring_round", name=op.f("uq_ballots_dossier_id_member_id_scoring_round")
        ),
    )
    op.create_table(
        "certificates",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("decision_id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("expiry_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "valid",
                "expired",
                "revoked",
                name="certificate_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "revocation_ground",
            sa.Enum(
                "a",
                "b",
                "c",
                "d",
                "dd",
                "e",
                name="revocation_ground",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("revocation_date", sa.Date(), nullable=True),
        sa.Column("revocation_decision", sa.String(length=255), nullable=True),
        sa.Column("revocation_reason", sa.String(length=4000), nullable=True),
        sa.Column("product_code", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], name=op.f("fk_certificates_decision_id_decisions")),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_certificates_dossier_id_dossiers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("dossier_id", name=op.f("uq_certificates_dossier_id")),
        sa.UniqueConstraint("number", name=op.f("uq_certificates_number")),
    )
    op.create_table(
        "commune_assessments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column(
            "item",
            sa.Enum(
                "nguon_goc_nguyen_lieu",
                "lao_dong_dia_phuong",
                "nguon_goc_y_tuong",
                "ban_sac_tri_tue",
                name="commune_item",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("finding", sa.Text(), nullable=False),
        sa.Column("meets", sa.Boolean(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_commune_assessments_dossier_id_dossiers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commune_assessments")),
        sa.UniqueConstraint("dossier_id", "item", name=op.f("uq_commune_assessments_dossier_id_item")),
    )
    op.create_table(
        "council_decisions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_council_decisions_dossier_id_dossiers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_decisions")),
    )
    op.create_table(
        "recusals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_recusals_dossier_id_dossiers")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["council_members.id"], name=op.f("fk_recusals_member_id_council_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recusals")),
        sa.UniqueConstraint("dossier_id", "member_id", name=op.f("uq_recusals_dossier_id_member_id")),
    )
    op.create_table(
        "results",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("scoring_round", sa.Integer(), nullable=False),
        sa.Column("computed", sa.JSON(), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("inputs_hash", sa.String(length=64), nullable=False),
        sa.Column("average_total", sa.String(length=16), nullable=False),
        sa.Column("band_stars", sa.Integer(), nullable=False),
        sa.Column("stars", sa.Integer(), nullable=True),
        sa.Column("certifiable", sa.Boolean(), nullable=False),
        sa.Column("spread_exceeds_limit", sa.Boolean(), nullable=False),
        sa.Column("discussion", sa.String(length=20000), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "approved",
                "referred_central",
                "eliminated",
                name="result_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("approved_by", sa.String(length=36), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_results_dossier_id_dossiers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_results")),
        sa.UniqueConstraint("dossier_id", "scoring_round", name=op.f("uq_results_dossier_id_scoring_round")),
    )
    op.create_table(
        "self_assessment_choices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=16), nullable=False),
        sa.Column("option_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_self_assessment_choices_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_assessment_choices")),
        sa.UniqueConstraint("dossier_id", "item_id", name=op.f("uq_self_assessment_choices_dossier_id_item_id")),
    )
    op.create_table(
        "user_roles",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_roles_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_roles")),
        sa.UniqueConstraint("user_id", "role", name=op.f("uq_user_roles_user_id_role")),
    )
    op.create_table(
        "ballot_choices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ballot_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=16), nullable=False),
        sa.Column("option_number", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["ballot_id"], ["ballots.id"], name=op.f("fk_ballot_choices_ballot_id_ballots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot_choices")),
        sa.UniqueConstraint("ballot_id", "item_id", name=op.f("uq_ballot_choices_ballot_id_item_id")),
    )
    op.create_table(
        "evidence_links",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("attachment_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_evidence_links_attachment_id_attachments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_links")),
        sa.UniqueConstraint("attachment_id", "item_id", name=op.f("uq_evidence_links_attachment_id_item_id")),
    )
    if op.get_bind().dialect.name == "sqlite":
        sqlite_sql.create_triggers(op.execute)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        sqlite_sql.drop_triggers(op.execute)
    op.drop_table("evidence_links")
    op.drop_table("ballot_choices")
    op.drop_table("user_roles")
    op.drop_table("self_assessment_choices")
    op.drop_table("results")
    op.drop_table("recusals")
    op.drop_table("council_decisions")
    op.drop_table("commune_assessments")
    op.drop_table("certificates")
    op.drop_table("ballots")
    op.drop_table("attendance")
    op.drop_table("attachments")
    op.drop_table("users")
    op.drop_table("meeting_sessions")
    op.drop_table("dossiers")
    op.drop_table("decisions")
    op.drop_table("rounds")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_name_fold"))
        batch_op.drop_index("ix_products_code_parts")

    op.drop_table("products")
    op.drop_table("council_members")
    op.drop_table("advisory_members")
    op.drop_table("settings")
    with op.batch_alter_table("producers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_producers_name_fold"))

    op.drop_table("producers")
    op.drop_table("criteria_snapshots")
    op.drop_table("councils")
    op.drop_table("audit_events")
