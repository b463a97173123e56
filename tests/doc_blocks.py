#!/usr/bin/env python3
"""Prints one fenced code block of a Markdown file, found by the heading it sits under and its
position there: doc_blocks.py FILE "HEADING" [N] (N counts from 1). The packaging test runs the
docs' recipes through this, so that what it runs is what the docs say, byte for byte."""
import re
import sys

path, heading = sys.argv[1], sys.argv[2]
wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 1
current, count, block, inside = None, 0, [], False
for line in open(path, encoding="utf-8"):
    if inside:
        if line.startswith("```"):
            inside = False
            if current == heading:
                count += 1
                if count == wanted:
                    sys.stdout.write("".join(block))
                    sys.exit(0)
            block = []
        else:
            block.append(line)
    elif line.startswith("```"):
        inside = True
    elif re.match(r"#{1,6} ", line):
        current = line.lstrip("#").strip()
sys.exit("doc_blocks.py: no block %d under '%s' in %s" % (wanted, heading, path))
