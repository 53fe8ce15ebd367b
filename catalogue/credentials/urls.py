"""URLs of verifiable passports: the DID document and the verify page, in the "credentials" namespace."""

from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path(".well-known/did.json", views.did_json, name="did"),
    path("verify/", views.verify, name="verify"),
    path("credentials/status/<int:number>", views.status_list, name="status-list"),
]
