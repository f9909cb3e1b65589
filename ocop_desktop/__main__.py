"""`python -m ocop_desktop` runs the same command line as `ocop-desktop`."""

from ocop_desktop.cli import main

raise SystemExit(main())
