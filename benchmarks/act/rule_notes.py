"""Why a rule is left to a person (or only partly automated): written into docs/act.md beside
the figures, so a rule with no detection is a stated decision, not a silent gap.

Each note says what the rule needs that a program cannot settle from the rendered page, and
what a11y-audit does instead (needs review with evidence, or the certain cases only)."""

from __future__ import annotations

RULE_NOTES: dict[str, str] = {
    "0va7u6": (
        "Whether an image shows text is visible only in its pixels (OCR), and even then the rule "
        "passes text that is incidental, decorative or essential (a logo): a judgement about the "
        "image's purpose. `images-of-text` asks a person to look at SVG images whose words it can "
        "read, and never fails one."
    ),
    "9bd38c": (
        "Deciding whether 'the red button' or 'on the right' identifies content, and whether a "
        "non-visual reference to it exists elsewhere on the page, needs reading the instruction "
        "as a person does; a word list would fail every 'right' and 'round'."
    ),
    "36b590": (
        "The rule asks whether an error message describes the cause or the fix: natural-language "
        "judgement. `error-identification` fails what is certain (an error shown only by colour or "
        "aria-invalid with no text; a message neither announced nor focused) and asks a person to "
        "read messages of one or two words."
    ),
    "e88epe": (
        "The rule fails an image hidden from assistive technology unless it is purely decorative: "
        "whether an image conveys information is a judgement about its content and context."
    ),
    "c4a8a4": (
        "Whether a title describes the page's topic is a judgement; `duplicate-page-title` fails "
        "only titles that certainly say nothing (placeholders, a file name, the bare domain) and "
        "asks a person to look at titles shared within one site."
    ),
    "qt1vmo": (
        "Whether an image's name describes it needs seeing the image; `image-alt-filename` fails "
        "names that certainly do not (file names, placeholders such as 'image')."
    ),
    "cc0f0a": ("Whether a label describes its field is a judgement; only placeholder labels are certain."),
    "b49b2e": (
        "Whether a heading describes its section is a judgement; only placeholder headings are certain."
    ),
    "5effbb": (
        "Whether a link's text together with its context describes its purpose is a judgement; "
        "`ambiguous-link-text` asks a person to look at generic texts ('read more') and fails only "
        "what is certain."
    ),
    "1ec09b": (
        "Whether a media alternative conveys the same visual information, or a video carries "
        "burned-in audio description, can be judged only by watching it."
    ),
}
