"""``rulesengine demo``: a generated sample practice taken through several monthly runs
(``demo_run``), in a folder it never deletes from unless it made the file
(``demo_folder``)."""
