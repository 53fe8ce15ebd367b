"""Team URLs: the link an invitation mails, and the team pages of the maker workspace and the retailer area."""

from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("invitations/<str:token>/", views.accept, name="accept"),
    path("workspace/team/", views.maker_team, name="maker-team"),
    path("retailer/<slug:slug>/team/", views.retailer_team, name="retailer-team"),
]
