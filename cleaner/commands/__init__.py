"""One module per CLI subcommand. Each exposes ``add_parser(subparsers)`` and
``run(args) -> int``; ``cleaner.cli`` registers the modules listed in ``COMMANDS``."""

COMMANDS: tuple[str, ...] = (
    "cleaner.commands.clean",
    "cleaner.commands.check",
    "cleaner.commands.report",
)
