"""One root exception; one subclass per stage. The CLI turns each into a one-line message."""


class SourcebriefError(Exception):
    """Root of every error sourcebrief raises on purpose."""


class InputError(SourcebriefError):
    """An input could not be read: missing, empty, binary, too large, unreachable."""


class ExtractionError(SourcebriefError):
    """An input was read but holds no usable English article text."""


class ModelError(SourcebriefError):
    """The language model is missing or broken in this installation."""


class ModelMissing(ModelError):
    """A trained part or the encoder it builds on is not installed; fast (rules) mode still works."""
