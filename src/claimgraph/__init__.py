"""claimgraph: a sourced, checkable knowledge base of reporting on armed groups and foreign fighters."""

__version__ = "0.1.0"
