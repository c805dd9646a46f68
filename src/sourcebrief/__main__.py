from sourcebrief.serve.cli import main

main()
