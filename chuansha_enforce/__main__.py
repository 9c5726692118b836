from chuansha_enforce.cli import main

raise SystemExit(main())
