"""cloud_api: the service behind the QR codes and HQ. Not built yet."""
