"""SQLAlchemy engine and pragmas, unit of work, repositories, migrations and backups."""
