#!/usr/bin/env python3
"""Writes a synthetic course of N lessons for benchmarks and fault tests.

Usage: gen-course.py DIR N [--tracks T]

The lessons cycle through the four kinds with realistic front matter (hints,
quiz questions, check steps) and a body of about 40 lines, so that loading
and linting them costs what a real course costs.
"""
import os
import sys

BODY = """You will learn idea number {n} of this generated course.

## What happens

Every program allocates memory; what differs is who gives it back, and when.
This paragraph is *filler* with **emphasis**, `inline code` and a
[link](https://example.com/{n}) so the renderer has work to do.

- a first point about lesson {n}
- a second point, a little longer than the first, to wrap on narrow screens
- a third point

```swift
struct Point {{ var x = {n}, y = 0 }}
let p = Point()
print(p.x)
```

| language | model |
|---|---|
| C | manual |
| Rust | ownership |
| Go | tracing GC |
| Swift | ARC |
""" + "\nMore text to read, line {n}.\n" * 12

KINDS = {
    "read": "",
    "quiz": """questions:
  - prompt: Which language traces the heap?
    choices:
      - text: C
        explanation: C frees by hand.
      - text: Go
        explanation: Right.
      - text: Swift
        explanation: Swift counts references.
    answer: 2
""",
    "predict": """predict:
  language: swift
  program: program.swift
  answer: "0 1"
""",
    "code": """requires: [swiftc]
code:
  language: swift
  starter: [sum.swift]
  solution: [sum.swift]
  hidden: [main.swift]
  steps:
    - name: build
      run: [swiftc, "-o", "{scratch}/app", sum.swift, main.swift]
      timeout: 120
    - name: run
      run: ["{scratch}/app"]
      expect:
        exit: 0
        stdout:
          contains: ["sumTo(10) = 55"]
""",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    root, count = sys.argv[1], int(sys.argv[2])
    tracks = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--tracks" else max(1, count // 100)
    write(os.path.join(root, "course.yml"),
          "id: generated\ntitle: Generated course\nwelcome: A course made for benchmarks.\n")
    kinds = list(KINDS)
    per_track = -(-count // tracks)
    for t in range(tracks):
        track = os.path.join(root, f"{t + 1:03d}-track-{t}")
        write(os.path.join(track, "track.yml"),
              f"id: track-{t}\ntitle: Track {t}\nsummary: Generated track number {t}.\n")
        for i in range(per_track):
            n = t * per_track + i
            if n >= count:
                break
            kind = kinds[n % len(kinds)]
            folder = os.path.join(track, f"{i + 1:03d}-lesson-{n}")
            front = (f"id: lesson-{n}\ntitle: Generated lesson {n}\nkind: {kind}\nxp: 10\n"
                     "hints:\n  - A first nudge.\n  - Nearly the answer.\n" + KINDS[kind])
            write(os.path.join(folder, "lesson.md"), f"---\n{front}---\n" + BODY.format(n=n))
            if kind == "predict":
                write(os.path.join(folder, "program.swift"), "print(0, 1)\n")
            if kind == "code":
                for sub, name in (("starter", "sum.swift"), ("solution", "sum.swift"), ("check", "main.swift")):
                    write(os.path.join(folder, sub, name), "// generated\n")


if __name__ == "__main__":
    main()
