"""``rulesengine demo``: a generated sample practice taken through several monthly runs
(``demo_run``), in a folder it never deletes from unless it made the file
(``demo_folder``)."""

# Its modules are imported by name; the package re-exports nothing.
__all__: list[str] = []
