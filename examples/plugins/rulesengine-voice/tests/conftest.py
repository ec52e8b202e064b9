# Nothing to add here for the plugin kit: installing rulesengine registers its pytest plugin
# (the `pytest11` entry point), which provides the `channel_kit` fixture to every test
# (docs/plugins.md, "Testing with the plugin kit"). With PYTEST_DISABLE_PLUGIN_AUTOLOAD=1,
# run pytest with `-p rulesengine`.
