"""Maker workspace views."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from .models import Product


@login_required
def workspace(request):
    products = Product.objects.filter(maker__memberships__user=request.user)
    return render(request, "products/workspace.html", {"products": products})


@login_required
def product_detail(request, pk):
    product = get_object_or_404(Product, pk=pk, maker__memberships__user=request.user)
    return render(request, "products/product_detail.html", {"product": product})
