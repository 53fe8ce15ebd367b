"""REST API: a thin Django REST framework layer over the domain apps."""
