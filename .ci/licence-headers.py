#!/usr/bin/env python3
"""Adds the licence header to every Java file that lacks one (src/ and spark/src/).

The header is the one the license-maven-plugin configured by pom-scijava writes
(`mvn license:update-file-header`, goal not bound to the build, so the build needs no network):
the project name (pom property license.projectName), the inception year and copyright owners, and
the BSD-2-Clause text of LICENSE, between the plugin's #%L and #L% markers. Files that already
carry the markers are left alone. LicenceHeaderTest fails on a file without the header.

Usage: python3 .ci/licence-headers.py            (rewrites files in place)
       python3 .ci/licence-headers.py --check    (lists files without the header; exit 1 if any)
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def header():
    pom = (ROOT / "pom.xml").read_text(encoding="utf-8")
    name = re.search(r"<license.projectName>(.*?)</license.projectName>", pom).group(1)
    year = re.search(r"<inceptionYear>(.*?)</inceptionYear>", pom).group(1)
    owners = re.search(r"<license.copyrightOwners>(.*?)</license.copyrightOwners>", pom).group(1)
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    body = text[text.index("Redistribution"):].rstrip().splitlines()
    lines = ["/*-", " * #%L", " * " + name, " * %%", " * Copyright (C) %s %s" % (year, owners),
             " * %%"]
    lines += [(" * " + b).rstrip() for b in body]
    lines += [" * #L%", " */"]
    return "\n".join(lines) + "\n"


def java_files():
    for top in ("src", "spark/src"):
        yield from sorted((ROOT / top).rglob("*.java"))


def main():
    check = "--check" in sys.argv[1:]
    h = header()
    missing = []
    for f in java_files():
        s = f.read_text(encoding="utf-8")
        if s.startswith("/*-\n * #%L\n"):
            continue
        missing.append(f.relative_to(ROOT))
        if not check:
            f.write_text(h + s, encoding="utf-8")
    for m in missing:
        print(("no header: " if check else "header added: ") + str(m))
    return 1 if check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
