package dev.hikyaku.app.review;

/**
 * One attachment as the review lists it.
 *
 * @param name   the file name, or the part's position when it names none
 * @param size   its decoded size, as people read it
 * @param type   its media type
 * @param inline whether it is an image inside the body
 */
public record AttachmentRow(String name, String size, String type, boolean inline) {
}
