"""One recognizer per kind of identifier; see each module's docstring. Enabled by name in config.yml."""

from .address import AddressRecognizer
from .crime_reference import CrimeReferenceRecognizer
from .date_of_birth import DateOfBirthRecognizer
from .email import EmailRecognizer
from .nhs_number import NhsNumberRecognizer
from .ni_number import NiNumberRecognizer
from .person_name import PersonNameRecognizer
from .protective_marking import ProtectiveMarkingRecognizer
from .quasi import AgeRecognizer, EmployerRecognizer, EthnicityRecognizer, ExactDateRecognizer, SchoolRecognizer
from .social_handle import SocialHandleRecognizer
from .uk_phone import UkPhoneRecognizer
from .uk_postcode import UkPostcodeRecognizer
from .url_with_name import UrlWithNameRecognizer
from .vehicle_registration import VehicleRegistrationRecognizer

__all__ = [
    "AddressRecognizer", "AgeRecognizer", "CrimeReferenceRecognizer", "DateOfBirthRecognizer", "EmailRecognizer",
    "EmployerRecognizer", "EthnicityRecognizer", "ExactDateRecognizer", "NhsNumberRecognizer", "NiNumberRecognizer",
    "PersonNameRecognizer", "ProtectiveMarkingRecognizer", "SchoolRecognizer", "SocialHandleRecognizer",
    "UkPhoneRecognizer", "UkPostcodeRecognizer", "UrlWithNameRecognizer", "VehicleRegistrationRecognizer",
]
