"""Root URL configuration."""

from allauth.account import views as allauth_views
from django.contrib import admin
from django.urls import include, path

from catalogue import health
from catalogue.accounts import preferences_page
from catalogue.accounts import views as account_views
from catalogue.legal import views as legal_views
from catalogue.public import pages

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("robots.txt", legal_views.robots_txt, name="robots"),
    path("sitemap.xml", legal_views.sitemap_xml, name="sitemap"),
    path("site.webmanifest", legal_views.web_manifest, name="web-manifest"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("admin/login/", account_views.admin_login),  # before the admin's own: logging in happens in one place
    path("admin/", admin.site.urls),
    # allauth's login and logout under the names the site's templates and views have always used.
    path("accounts/login/", allauth_views.login, name="login"),
    path("accounts/logout/", allauth_views.logout, name="logout"),
    path("accounts/welcome/", account_views.after_login, name="after-login"),
    path("accounts/preferences/", preferences_page.preferences, name="account-preferences"),
    path("accounts/", include("allauth.urls")),
    path("", include("catalogue.teams.urls")),  # invitations and the team pages under /workspace/ and /retailer/
    path("", include("catalogue.dpp.urls")),  # /workspace/restricted-reads/
    path("workspace/", include("products.urls")),
    path("workspace/", include("catalogue.passports.urls")),
    path("retailer/", include("catalogue.retailers.urls")),
    path("review/", include("catalogue.review.urls")),
    path("api/", include("api.urls")),
    path("", include("catalogue.credentials.urls")),  # /verify/ and /.well-known/did.json
    path("", pages.home, name="home"),
    path("", include("catalogue.public.urls")),
]

# JSON errors for API clients, the site's pages for everyone else; the 500 page renders without the database.
handler404 = "api.views.not_found"
handler500 = "catalogue.operations.errors.server_error"
