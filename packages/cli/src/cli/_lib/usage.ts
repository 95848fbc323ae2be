/** `ops raffle verify --help`. */
export const VERIFY_USAGE = `Usage: ops raffle verify <certificate> [options]

Checks a draw, quiz or award certificate and says in plain words what was checked,
what could not be checked with what you gave, and every problem found.

Options:
  --list <file>          the published list (JSON: [{ "id", "weight" }]) — re-runs the whole draw,
                         so that nobody with a better score can have been left out
  --submissions <file>   a quiz's submissions (JSON)
  --inputs <file>        a judged award's inputs (JSON)
  --receipt <file>       your receipt: also checks your own place (see check-entry)
  --spec-hash <hex>      the spec hash the organiser published before entries closed
  --list-root <hex>      the list root the organiser published when entries closed
  --trust-chain <file>   a drand chain (JSON: hash, publicKey, period, genesisTime, scheme), or a list
                         of them, to trust besides drand's quicknet, which is pinned
  --json                 print the report as JSON (both languages)
  --lang en|zh           the language of the printed report (default en)

Exit status: 0 verified, 1 refused (the certificate does not hold up), 2 usage error or unreadable input.
`;

/** `ops raffle check-entry --help`. */
export const CHECK_ENTRY_USAGE = `Usage: ops raffle check-entry <certificate> --receipt <file> [--json] [--lang en|zh]

Checks your own place in a draw from your receipt alone: that your entry is in the list
the draw was run on, your score, and whether you won, are an alternate or were not selected
— and the draw itself, as ops raffle verify does.

Exit status: 0 verified, 1 refused, 2 usage error or unreadable input.
`;

/** `ops raffle draw --help`. */
export const DRAW_USAGE = `Usage: ops raffle draw --spec <file> --entrants <file> (--beacon <file> | --secret <hex>) [options]

Runs a draw (for organisers) and writes its certificate (JSON).

Options:
  --spec <file>        the campaign spec (JSON), as published before entries closed
  --entrants <file>    the entrants (JSON: [{ "id", "weight" }])
  --beacon <file>      the drand beacon of the round the spec fixes, as drand's HTTP API returns it
                       (https://api.drand.sh/<chain hash>/public/<round>); its signature is verified first
  --secret <hex>       the committed secret (spec randomness kind "commit"), 64 hex digits
  --audit-key <hex>    the audit key (pseudonymous mode), 64 hex digits
  --out <file>         write the certificate there instead of to standard output

Exit status: 0 drawn, 1 the beacon does not verify, 2 usage error or unreadable input.
`;

/** `ops raffle --help`. */
export const RAFFLE_USAGE = `Usage: ops raffle <command> [options]

Commands:
  verify <certificate>        check a draw, quiz or award certificate
  check-entry <certificate>   check your own place in a draw, from your receipt
  draw                        run a draw from spec, entrants and randomness files (organisers)
  page                        write the self-contained verification web page (HTML) to standard output

Run ops raffle <command> --help for its options.
`;

/** `ops --help`. */
export const TOP_USAGE = `Usage: ops <command> [options]

Commands:
  raffle verify        check a draw, quiz or award certificate
  raffle check-entry   check your own place in a draw, from your receipt
  raffle draw          run a draw (organisers)
  raffle page          write the verification web page to standard output

Options:
  --help               show this help
  --version            show the version

Exit status: 0 verified, 1 refused, 2 usage error or unreadable input.
`;
