# In a repository of its own, this line is all a plugin needs in its top-level conftest.py:
#     pytest_plugins = ["rulesengine.testing.pytest_fixtures"]
# Inside the rulesengine repository this conftest is not top-level, so the fixture is imported:
from rulesengine.testing.pytest_fixtures import channel_kit  # noqa: F401
