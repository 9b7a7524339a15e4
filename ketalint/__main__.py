from ketalint.cli import main

main()
