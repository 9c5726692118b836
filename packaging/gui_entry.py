"""PyInstaller entry of the windowed program: ``ui.app:main`` (see ``build.spec``)."""

from ui.app import main

raise SystemExit(main())
