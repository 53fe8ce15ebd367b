"""Root URL configuration."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from catalogue import health
from catalogue.accounts import views as account_views
from catalogue.public import pages

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/welcome/", account_views.after_login, name="after-login"),
    path("workspace/", include("products.urls")),
    path("workspace/", include("catalogue.passports.urls")),
    path("retailer/", include("catalogue.retailers.urls")),
    path("api/", include("api.urls")),
    path("", pages.home, name="home"),
    path("", include("catalogue.public.urls")),
]

# JSON errors for API clients, the site's pages for everyone else; the 500 page renders without the database.
handler404 = "api.views.not_found"
handler500 = "catalogue.operations.errors.server_error"
