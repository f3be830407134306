"""Networking Workbook: coaching job seekers through professional networking (FR/EN)."""

__version__ = "0.1.0"
