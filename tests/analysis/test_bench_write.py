"""``bench NAME --write`` replaces only its marked figures block in docs/BENCHMARKS.md: the prose an
editor wrote around it (before/after notes, sub-sections, other sections) stays word for word."""
from __future__ import annotations

from analysis.bench import figures_block, write_section

HEADING = "## Facts (`bench facts`)"
DOC = f"""# Benchmarks

## Segment

Segment prose.

{HEADING}

{figures_block(HEADING + chr(10) + chr(10) + "| run | recall |" + chr(10) + "| a | 0.50 |", HEADING)}

Written by hand: before this work recall was 0.40.

### Names, predicates and the mutual rule

A sub-section with its own table.

## Framing

Framing prose.
"""


def test_only_the_marked_figures_are_replaced(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(DOC, encoding="utf-8")
    write_section(f"{HEADING}\n\n| run | recall |\n| a | 0.61 |\n", HEADING, path)
    assert path.read_text(encoding="utf-8") == DOC.replace("| a | 0.50 |", "| a | 0.61 |")
    write_section(f"{HEADING}\n\n| run | recall |\n| a | 0.61 |\n", HEADING, path)     # idempotent
    assert path.read_text(encoding="utf-8") == DOC.replace("| a | 0.50 |", "| a | 0.61 |")


def test_a_section_without_markers_gets_a_block_under_its_heading_and_keeps_its_text(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(f"# Benchmarks\n\n{HEADING}\n\nOld prose.\n\n## Framing\n\nMore.\n", encoding="utf-8")
    write_section(f"{HEADING}\n\n| a | 1 |\n", HEADING, path)
    assert path.read_text(encoding="utf-8") == (
        f"# Benchmarks\n\n{HEADING}\n\n{figures_block('| a | 1 |', HEADING)}\n\nOld prose.\n\n"
        "## Framing\n\nMore.\n")


def test_a_new_section_goes_after_its_parent_or_at_the_end(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text("# Benchmarks\n\n## Signals (`bench signals`)\nIntro.\n\n## Reports\n", encoding="utf-8")
    write_section("### Per-article signals\n\n| x |\n", "### Per-article signals", path,
                  under=r"^## Signals.*$")
    write_section("## Limits\n\n| y |\n", "## Limits", path)
    assert path.read_text(encoding="utf-8") == (
        "# Benchmarks\n\n## Signals (`bench signals`)\n\n### Per-article signals\n\n"
        f"{figures_block('| x |', '### Per-article signals')}\nIntro.\n\n## Reports\n\n"
        f"## Limits\n\n{figures_block('| y |', '## Limits')}\n")


def test_bench_align_writes_its_latest_run_under_alignment_with_the_workers_cpu(tmp_path):
    from analysis.bench import align
    row = {"n": 50, "startup": 1.0, "words": 51_224, "sentences": 1_981, "facts": 211, "shared": 209,
           "findings": 681, "seconds": 6.0, "cpu": 9.5, "workers_cpu": 2.5, "workers_peak_mib": 240.0,
           "peak_mib": 270.0, "growth_mib": 90.0, "json_bytes": 4_000_000, "json_seconds": 0.5,
           "json_peak_mib": 270.0}
    table = align.markdown([row], cold=2.0)
    assert "| 6.00 s (9.50 s, 2.50 s) | 270 MiB (+90; 240 MiB) |" in table
    path = tmp_path / "BENCHMARKS.md"
    path.write_text("# Benchmarks\n\n## Alignment speed and scaling (`bench align`)\n\nProse kept.\n\n"
                    "## Signals\n", encoding="utf-8")
    for _ in range(2):                                  # the second run replaces the first's block
        align.write(table, "python main.py bench align --sizes 50", path)
    text = path.read_text(encoding="utf-8")
    assert text.count(align.SECTION) == 1 and text.count("| 6.00 s (9.50 s, 2.50 s)") == 1
    assert text.index("## Alignment speed") < text.index(align.SECTION) < text.index("Prose kept.") \
        < text.index("## Signals")
