"""python -m checker -> the command line."""

from .cli import main

raise SystemExit(main())
