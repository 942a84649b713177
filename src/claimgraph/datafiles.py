"""Reading the YAML data files that hold claimgraph's domain knowledge.

Every vocabulary, lexicon, cue list and rule set is a data file validated at load. This
module does the part they share: read the file (bundled, or a path given by the user) and
parse it, turning a YAML syntax error into a ``DataFileError`` that names the file. Each
loader then checks its own keys.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimgraph.errors import DataFileError

DATA_PACKAGE = "claimgraph.nlp"  # bundled NLP data lives in claimgraph/nlp/data/


def read_yaml(text: str, name: str) -> Any:
    """Parse ``text`` (the content of file ``name``) as YAML."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DataFileError(name, f"not valid YAML ({' '.join(str(error).split())})") from None


def load_bundled(filename: str, package: str = DATA_PACKAGE, folder: str = "data") -> Any:
    """The parsed content of a bundled data file, ``<package>/<folder>/<filename>``."""
    resource = resources.files(package)
    if folder:
        resource = resource.joinpath(folder)
    return read_yaml(resource.joinpath(filename).read_text("utf-8"), filename)


def load_path(path: Path) -> Any:
    """The parsed content of a user-supplied data file."""
    try:
        text = Path(path).read_text("utf-8")
    except OSError as error:
        raise DataFileError(str(path), f"cannot be read ({error.strerror or error})") from None
    return read_yaml(text, str(path))
