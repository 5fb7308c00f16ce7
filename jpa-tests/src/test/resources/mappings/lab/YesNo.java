package lab;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A converter whose database type (String) is readable at compile time. */
@Converter
public class YesNo implements AttributeConverter<Boolean, String> {
  @Override
  public String convertToDatabaseColumn(Boolean value) {
    return value == null ? null : value ? "Y" : "N";
  }

  @Override
  public Boolean convertToEntityAttribute(String value) {
    return value == null ? null : value.equals("Y");
  }
}
