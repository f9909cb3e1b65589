"""SQLAlchemy 2 typed tables; SQLAlchemy appears only here and in persistence. Importing this package registers
every table on `Base.metadata`."""

from ocop_desktop.models.admin import AuditEvent, ExchangeImport, Setting, User, UserRole
from ocop_desktop.models.base import Base
from ocop_desktop.models.council import (
    AdvisoryMember,
    Attendance,
    Council,
    CouncilMember,
    CriteriaSnapshot,
    MeetingSession,
    Recusal,
    Round,
)
from ocop_desktop.models.recognition import Certificate, Decision
from ocop_desktop.models.registry import (
    Attachment,
    CommuneAssessment,
    Dossier,
    EvidenceLink,
    Producer,
    Product,
    SelfAssessmentChoice,
)
from ocop_desktop.models.scoring import Ballot, BallotChoice, CouncilDecisionRecord, Result

__all__ = [
    "AdvisoryMember",
    "Attachment",
    "Attendance",
    "AuditEvent",
    "Ballot",
    "BallotChoice",
    "Base",
    "Certificate",
    "CommuneAssessment",
    "Council",
    "CouncilDecisionRecord",
    "CouncilMember",
    "CriteriaSnapshot",
    "Decision",
    "Dossier",
    "EvidenceLink",
    "ExchangeImport",
    "MeetingSession",
    "Producer",
    "Product",
    "Recusal",
    "Result",
    "Round",
    "SelfAssessmentChoice",
    "Setting",
    "User",
    "UserRole",
]
