"""The kinds of document a round produces, in the order a batch writes them. Kept apart from the renderers so that
the command line can list them without loading ReportLab."""

KINDS = ("sheets", "minutes", "results", "annex", "certificates", "feedback", "ballots")
