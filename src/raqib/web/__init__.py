"""The web application and REST API (FastAPI): `raqib serve`.

``create_app(workspace)`` builds the ASGI app; ``raqib.web.auth`` holds authentication,
roles and CSRF; ``raqib.web.errors`` the one JSON error shape; ``raqib.web.api`` the REST
routers; ``raqib.web.pages`` the server-rendered pages.
"""
