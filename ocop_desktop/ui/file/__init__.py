"""The File menu's work: backups and restore, accounts and PINs, the council's signing key and the trusted keys,
and the exchange files sent to and received from the province."""
