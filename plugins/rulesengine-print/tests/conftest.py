pytest_plugins = ["rulesengine.testing.pytest_fixtures"]
