"""``python -m calculators NAME`` reads one JSON object on stdin and writes one on stdout.

Exit status: 0 with the result; 2 for invalid input or an unknown NAME, with ``{"fejl": [...]}``; 1 is left for
bugs. Whatever bytes arrive, the answer is valid UTF-8 JSON with Danish messages: stdin is read as bytes and
decoded here (UTF-8, a leading byte-order mark allowed, as the page's file import allows it), never through the
locale's encoding.
"""

from __future__ import annotations

import json
import sys

from . import BEREGNERE, run
from ._contract import laes_json


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        navne = "|".join(BEREGNERE)
        print(f"Brug: python -m calculators {{{navne}}} < input.json", file=sys.stderr)
        return 0 if args and args[0] in ("-h", "--help") else 2
    data, fejl = laes_json(sys.stdin.buffer.read())
    svar = {"fejl": [{"felt": "", "besked": fejl}]} if fejl else run(args[0], data)
    tekst = json.dumps(svar, ensure_ascii=False, indent=2) + "\n"
    # A lone surrogate cannot be encoded; laes_json refuses them, this is the last guard.
    sys.stdout.buffer.write(tekst.encode("utf-8", "replace"))
    sys.stdout.flush()
    return 2 if "fejl" in svar else 0


if __name__ == "__main__":
    sys.exit(main())
