"""``python -m calculators NAME`` reads one JSON object on stdin and writes one on stdout.

Exit status: 0 with the result; 2 for invalid input or an unknown NAME, with
``{"fejl": [...]}``; 1 is left for bugs.
"""

from __future__ import annotations

import json
import sys

from . import BEREGNERE, run


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        navne = "|".join(BEREGNERE)
        print(f"Brug: python -m calculators {{{navne}}} < input.json", file=sys.stderr)
        return 0 if args and args[0] in ("-h", "--help") else 2
    navn = args[0]
    tekst = sys.stdin.read()
    try:
        data = json.loads(tekst)
    except (json.JSONDecodeError, RecursionError) as e:
        # The parser's own message is English ("Expecting value"); say where, in Danish.
        if isinstance(e, json.JSONDecodeError):
            besked = (f"Inddata er ikke gyldig JSON (linje {e.lineno}, kolonne {e.colno}). "
                      "Tjek kommaer, anførselstegn og klammer omkring det sted.")
        else:
            besked = "Inddata er ikke gyldig JSON: den er indlejret for dybt."
        svar = {"fejl": [{"felt": "", "besked": besked}]}
    else:
        svar = run(navn, data)
    json.dump(svar, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 2 if "fejl" in svar else 0


if __name__ == "__main__":
    sys.exit(main())
