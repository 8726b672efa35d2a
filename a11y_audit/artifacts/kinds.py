"""The artifacts a page visit can gather, by name: the contract between gatherers and checks.

A check declares the artifacts it reads in `CheckMeta.requires`; the crawler runs only the
gatherers that the selected checks need, and the engine skips a check on a page where one of
its artifacts is missing (a gatherer failed, or interactive gathering was sampled out for
that page). Names here are also the artifact keys in `pages[].artifacts` of results.json.

Each browser gatherer (a11y_audit/browser/gatherers/) is registered under one of these
names; a test keeps the two lists equal. Each name is an `ArtifactKind` typed with the data
shape it holds, a TypedDict in a11y_audit/artifacts/<name>.py: the gatherer declares it as its
return type and checks read it through `Page.artifact(kind)`, so mypy checks both sides of the
contract. The checks that read them are tested against hand-written data of that shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from a11y_audit.artifacts.animated_images import AnimatedImages
from a11y_audit.artifacts.context_change import ContextChanges
from a11y_audit.artifacts.control_styles import ControlColours
from a11y_audit.artifacts.dialogs import Dialogs
from a11y_audit.artifacts.element_boxes import AxeTargetBoxes
from a11y_audit.artifacts.form_errors import FormAttempts
from a11y_audit.artifacts.frames import Frames
from a11y_audit.artifacts.hover import HoverContents
from a11y_audit.artifacts.keyboard import KeyboardWalk
from a11y_audit.artifacts.label_in_name import LabelledControls
from a11y_audit.artifacts.layout_adaptation import LayoutMeasurements
from a11y_audit.artifacts.motion import Motion
from a11y_audit.artifacts.option_groups import OptionGroups
from a11y_audit.artifacts.pointer_handlers import PointerTargets
from a11y_audit.artifacts.served_html import ServedHtml
from a11y_audit.artifacts.status_messages import StatusActions
from a11y_audit.artifacts.stylesheets import OrientationRules
from a11y_audit.artifacts.svg_text import SvgTexts
from a11y_audit.artifacts.text_backgrounds import TextBackgrounds
from a11y_audit.artifacts.timing import Timers
from a11y_audit.artifacts.visual_structure import VisualStructure

__all__ = [
    "ANIMATED_IMAGES",
    "ARTIFACT_KINDS",
    "CONTEXT_CHANGE",
    "CONTROL_STYLES",
    "DIALOGS",
    "DOM",
    "ELEMENT_BOXES",
    "FORM_ERRORS",
    "FRAMES",
    "HOVER",
    "KEYBOARD",
    "LABEL_IN_NAME",
    "LAYOUT_ADAPTATION",
    "MOTION",
    "OPTION_GROUPS",
    "POINTER_HANDLERS",
    "SERVED_HTML",
    "STATUS_MESSAGES",
    "STYLESHEETS",
    "SVG_TEXT",
    "TEXT_BACKGROUNDS",
    "TIMING",
    "VISUAL_STRUCTURE",
    "ArtifactKind",
    "gatherers_for",
]

Shape = TypeVar("Shape")


class ArtifactKind(str, Generic[Shape]):
    """An artifact's name, typed with the shape of its data (`Page.artifact(KEYBOARD)` is a
    KeyboardWalk). It is the name itself, a str, wherever names are keys: requires, file
    names, results.json."""

    __slots__ = ()


DOM = "dom"
ELEMENT_BOXES: ArtifactKind[AxeTargetBoxes] = ArtifactKind("element_boxes")
KEYBOARD: ArtifactKind[KeyboardWalk] = ArtifactKind("keyboard")
POINTER_HANDLERS: ArtifactKind[PointerTargets] = ArtifactKind("pointer_handlers")
LAYOUT_ADAPTATION: ArtifactKind[LayoutMeasurements] = ArtifactKind("layout_adaptation")
CONTROL_STYLES: ArtifactKind[ControlColours] = ArtifactKind("control_styles")
STYLESHEETS: ArtifactKind[OrientationRules] = ArtifactKind("stylesheets")
CONTEXT_CHANGE: ArtifactKind[ContextChanges] = ArtifactKind("context_change")
STATUS_MESSAGES: ArtifactKind[StatusActions] = ArtifactKind("status_messages")
FORM_ERRORS: ArtifactKind[FormAttempts] = ArtifactKind("form_errors")
MOTION: ArtifactKind[Motion] = ArtifactKind("motion")
HOVER: ArtifactKind[HoverContents] = ArtifactKind("hover")
TIMING: ArtifactKind[Timers] = ArtifactKind("timing")
SVG_TEXT: ArtifactKind[SvgTexts] = ArtifactKind("svg_text")
OPTION_GROUPS: ArtifactKind[OptionGroups] = ArtifactKind("option_groups")
LABEL_IN_NAME: ArtifactKind[LabelledControls] = ArtifactKind("label_in_name")
FRAMES: ArtifactKind[Frames] = ArtifactKind("frames")
TEXT_BACKGROUNDS: ArtifactKind[TextBackgrounds] = ArtifactKind("text_backgrounds")
VISUAL_STRUCTURE: ArtifactKind[VisualStructure] = ArtifactKind("visual_structure")
ANIMATED_IMAGES: ArtifactKind[AnimatedImages] = ArtifactKind("animated_images")
SERVED_HTML: ArtifactKind[ServedHtml] = ArtifactKind("served_html")
DIALOGS: ArtifactKind[Dialogs] = ArtifactKind("dialogs")

ARTIFACT_KINDS: dict[str, str] = {
    DOM: "the rendered DOM after load, serialised once per page (every page)",
    ELEMENT_BOXES: "where the elements axe reported are on the page, for the report's element screenshots",
    KEYBOARD: "the Tab walk (each stop's element, visibility, focus styles and pixels), focus traps, "
    "components opened with Enter, the skip link and single-key shortcuts",
    POINTER_HANDLERS: "elements given click/pointer handlers by script, and elements with widget roles, "
    "with whether the keyboard can reach them",
    STATUS_MESSAGES: "text that appeared after safe actions (add to bag...) and the live region holding it",
    FORM_ERRORS: "what declared-safe forms show when submitted empty or with malformed values (never sent)",
    CONTEXT_CHANGE: "navigations, submissions and new windows caused by focusing or changing a control",
    LAYOUT_ADAPTATION: "text clipped or overlapping with WCAG text spacing, at 200% zoom and at 320 CSS px, "
    "and what sticks out sideways at 320 px",
    CONTROL_STYLES: "colours of form controls, icon-only buttons and focusable elements, and what is behind",
    STYLESHEETS: "@media (orientation) rules of every readable stylesheet, and sheets that cannot be read",
    MOTION: "auto-advancing, animated and autoplaying content, and the pause/stop controls near it",
    HOVER: "content shown on pointer hover: dismissible with Escape, hoverable, reachable by keyboard",
    TIMING: "what the page's long timers do when fired early: navigations, sign-outs, warnings shown",
    SVG_TEXT: "words in the <text> of same-origin SVG images, CSS backgrounds and inline SVGs",
    OPTION_GROUPS: "computed styles, text and states of the members of groups of similar controls",
    LABEL_IN_NAME: "controls named by aria-label or aria-labelledby: role, name, visible text, icon font",
    FRAMES: "named iframes in the accessibility tree and what each shows: address after redirects, text",
    TEXT_BACKGROUNDS: "the pixels behind each character of text axe-core could not judge for contrast "
    "(background images, gradients, overlaps), with its colour and font",
    VISUAL_STRUCTURE: "text styled larger or bolder than body text, lines starting like list items, and "
    "::before/::after content, with the body text's font size and weight",
    ANIMATED_IMAGES: "animated GIF, APNG and WebP images: how long they play, how much flashes, "
    "and the pause/stop controls near them",
    SERVED_HTML: "the top document's HTML as the server sent it (DevTools' copy of the response, no second "
    "request), for WCAG 4.1.1 Parsing",
    DIALOGS: "dialogs, menus and drawers opened with the keyboard: where focus goes, whether it stays in a "
    "modal one, how it closes, where focus returns, the trigger's aria-expanded",
}
"""Artifact name -> what it holds. Gatherer modules add their entry here."""


def gatherers_for(requires: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """The gatherers (artifact names other than the DOM) that a set of checks needs, sorted."""
    return tuple(sorted({name for names in requires for name in names} - {DOM}))
