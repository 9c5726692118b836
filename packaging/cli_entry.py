"""PyInstaller entry of the console program: ``chuansha_enforce.cli:main`` (see ``build.spec``)."""

from chuansha_enforce.cli import main

raise SystemExit(main())
